package dev.canopy.branches;

import java.time.Instant;

/** One line of a portal's network log. */
public record NetworkLogEntry(NetworkEvent event, String otherPortal, String actor, Instant at) {}
