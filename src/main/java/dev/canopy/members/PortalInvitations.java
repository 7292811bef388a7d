package dev.canopy.members;

import dev.canopy.directory.MemberRole;
import dev.canopy.directory.Portal;
import org.springframework.stereotype.Service;

/**
 * Invitations sent in a portal's own name rather than by one of its members, for modules that act on a portal from
 * outside it, such as a network manager inviting people into a branch.
 */
@Service
public class PortalInvitations {

    private final InvitationManagement management;

    PortalInvitations(InvitationManagement management) {
        this.management = management;
    }

    /** Invites an email into the portal with the given role; the mail names the portal by its title. */
    public void inviteAsPortal(Portal portal, String email, MemberRole role) {
        management.invite(portal, null, email, role);
    }
}
