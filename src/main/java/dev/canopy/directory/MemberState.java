package dev.canopy.directory;

/** Where a member stands in a portal; only active members can enter it. */
public enum MemberState {
    INVITED,
    AWAITING_APPROVAL,
    ACTIVE,
    DISMISSED
}
