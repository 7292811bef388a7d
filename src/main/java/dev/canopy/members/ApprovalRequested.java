package dev.canopy.members;

/**
 * Published when a person joins by an invite link that needs approval and waits for the portal's administrators.
 * Published as the portal, inside the transaction that adds the member.
 */
public record ApprovalRequested(long portalId, long memberId) {}
