package dev.canopy.members;

import dev.canopy.web.FormErrors;

/**
 * The hub page a mailed invitation or a portal's invite link opens.
 *
 * @param email the invited email, or null for an invite link, where newcomers type their own
 * @param basePath the path of the link, such as {@code /invitations/<token>}, that the forms post below
 * @param signedInName the name of the signed-in person, or null without a signed-in person
 */
public record Landing(
        String portalTitle,
        String email,
        String basePath,
        String signedInName,
        String name,
        String typedEmail,
        FormErrors errors) {

    public boolean signedIn() {
        return signedInName != null;
    }

    public boolean invitation() {
        return email != null;
    }
}
