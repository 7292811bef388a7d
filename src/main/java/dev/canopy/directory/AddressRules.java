package dev.canopy.directory;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules a portal's address name follows. */
final class AddressRules {

    static final Set<String> RESERVED = Set.of(
            "www", "api", "admin", "app", "auth", "hub", "login", "sso", "mail", "static", "assets", "help", "support",
            "status");

    private static final Pattern CHARACTERS = Pattern.compile("[a-z0-9-]+");

    private AddressRules() {}

    static boolean wellFormed(String name) {
        return check(name).isEmpty();
    }

    /** Returns the message key of the first rule the name breaks, or empty when it follows all of them. */
    static Optional<String> check(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("address.missing");
        }
        if (name.length() < 3 || name.length() > 40) {
            return Optional.of("address.length");
        }
        if (!CHARACTERS.matcher(name).matches()) {
            return Optional.of("address.characters");
        }
        if (name.startsWith("-") || name.endsWith("-")) {
            return Optional.of("address.hyphen");
        }
        if (RESERVED.contains(name)) {
            return Optional.of("address.reserved");
        }
        return Optional.empty();
    }
}
