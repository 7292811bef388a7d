package dev.canopy.directory;

/**
 * An active member of a portal as other modules show it: the member id their records keep, the person's current name,
 * the position and the role.
 */
public record PortalMember(long memberId, String name, String position, MemberRole role) {

    public boolean administrator() {
        return role == MemberRole.ADMINISTRATOR;
    }
}
