package dev.canopy.directory;

/** A portal as listed on a person's hub page, with the person's role there. */
public record PersonPortal(Portal portal, MemberRole role) {}
