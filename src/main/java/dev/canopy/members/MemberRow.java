package dev.canopy.members;

import dev.canopy.directory.MemberRole;
import dev.canopy.directory.MemberState;
import java.util.List;

/**
 * One row of the Members page.
 *
 * @param name the person's name, empty while an invited email has no profile
 * @param invitationId the member's open invitation, if they are invited
 */
public record MemberRow(
        long memberId,
        String name,
        String email,
        MemberRole role,
        MemberState state,
        String position,
        List<String> departments,
        Long invitationId,
        boolean invitationExpired) {

    public String displayName() {
        return name.isEmpty() ? email : name;
    }
}
