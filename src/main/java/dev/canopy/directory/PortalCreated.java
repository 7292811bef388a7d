package dev.canopy.directory;

/**
 * Published inside the transaction that creates a portal, so that other modules set up what every portal has.
 *
 * @param creatorMemberId the member id of the creator, the portal's first administrator
 */
public record PortalCreated(long portalId, String title, long creatorMemberId) {}
