package dev.canopy.members;

/**
 * Published when an administrator makes a person an active member: added directly, or approved after a request to
 * join. Published as the portal, inside the transaction that activates the member.
 */
public record MemberAdded(long portalId, long memberId) {}
