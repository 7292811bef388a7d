package dev.canopy.directory;

/**
 * A person inside one portal. The id is the member id the portal's own records use. A membership invited by an
 * email that had no profile yet has no person: its person id is 0 until someone with that email accepts.
 */
public record Membership(long id, long portalId, long personId, MemberRole role, MemberState state, String position) {

    public boolean active() {
        return state == MemberState.ACTIVE;
    }

    public boolean hasPerson() {
        return personId != 0;
    }

    public boolean administrator() {
        return role == MemberRole.ADMINISTRATOR;
    }
}
