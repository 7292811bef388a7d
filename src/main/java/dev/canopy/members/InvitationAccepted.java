package dev.canopy.members;

/**
 * Published when a person joins a portal by a mailed invitation or by the portal's invite link without approval.
 * Published as the portal, inside the transaction that activates the member.
 */
public record InvitationAccepted(long portalId, long memberId) {}
