package dev.canopy.directory;

import java.util.List;

/**
 * The open invitations of a person, as the hub lists them. The members module implements it, so the
 * hub can show them without depending on that module.
 */
public interface PendingInvitations {

    List<PendingInvitation> of(Person person);

    /**
     * One invitation on the hub.
     *
     * @param acceptPath the hub path that a form posts to in order to accept it
     */
    record PendingInvitation(long id, String portalTitle, String portalAddress, String acceptPath) {}
}
