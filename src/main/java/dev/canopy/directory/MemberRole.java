package dev.canopy.directory;

/** What a member may do in a portal. */
public enum MemberRole {
    ADMINISTRATOR,
    EMPLOYEE
}
