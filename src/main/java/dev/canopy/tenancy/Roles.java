package dev.canopy.tenancy;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.regex.Pattern;

/** Creates and updates the owner and application roles idempotently. */
final class Roles {

    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Roles() {}

    static String checkedName(String role) {
        if (role == null || !ROLE_NAME.matcher(role).matches()) {
            throw new IllegalStateException("Invalid database role name '" + role
                    + "': use lower-case letters, digits and underscores, starting with a letter.");
        }
        return role;
    }

    static String randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Creates the role as a plain login role, or resets its password, leaving every other attribute alone. */
    static void ensureLoginRole(Connection connection, String role, String password, String extraOptions)
            throws SQLException {
        String name = checkedName(role);
        boolean exists;
        try (var statement = connection.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            statement.setString(1, name);
            try (var rows = statement.executeQuery()) {
                exists = rows.next();
            }
        }
        String quotedPassword = "'" + password.replace("'", "''") + "'";
        try (var statement = connection.createStatement()) {
            if (exists) {
                statement.execute("alter role " + name + " with login password " + quotedPassword);
            } else {
                statement.execute(
                        "create role " + name + " with login " + extraOptions + " password " + quotedPassword);
            }
        }
    }
}
