package dev.canopy.directory;

/** A portal as the hub lists it for a person: title, address, link and the person's role there. */
public record PortalLink(String title, String address, String url, MemberRole role) {}
