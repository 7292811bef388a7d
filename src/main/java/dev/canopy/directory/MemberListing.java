package dev.canopy.directory;

/** One row of a portal's Members page. */
public record MemberListing(
        long memberId, String name, String email, MemberRole role, MemberState state, String position) {}
