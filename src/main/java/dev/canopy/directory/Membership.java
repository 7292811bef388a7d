package dev.canopy.directory;

/**
 * A person inside one portal. The id is the member id the portal's own records use.
 */
public record Membership(long id, long portalId, long personId, MemberRole role, MemberState state, String position) {

    public boolean active() {
        return state == MemberState.ACTIVE;
    }
}
