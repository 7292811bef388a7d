package dev.canopy.members;

import dev.canopy.directory.Accounts;
import dev.canopy.directory.Addresses;
import dev.canopy.directory.PendingInvitations;
import dev.canopy.directory.Person;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Lists a person's open invitations on the hub. With SMTP, only a verified email gets the list, because otherwise
 * anyone could register someone else's address and read the invitations sent to it.
 */
@Component
class HubInvitations implements PendingInvitations {

    private final Invitations invitations;
    private final Accounts accounts;
    private final Addresses addresses;
    private final Clock clock;

    HubInvitations(Invitations invitations, Accounts accounts, Addresses addresses, Clock clock) {
        this.invitations = invitations;
        this.accounts = accounts;
        this.addresses = addresses;
        this.clock = clock;
    }

    @Override
    public List<PendingInvitation> of(Person person) {
        if (accounts.verifiesEmail() && !person.verified()) {
            return List.of();
        }
        return invitations.openForEmail(person.email(), clock.instant()).stream()
                .map(invitation -> new PendingInvitation(
                        invitation.id(),
                        invitation.portalTitle(),
                        addresses.portalHost(invitation.portalZone(), invitation.portalName()),
                        "/invitations/pending/" + invitation.id() + "/accept"))
                .toList();
    }
}
