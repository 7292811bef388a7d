package dev.canopy.directory;

/**
 * A company workspace at its own address {@code <name>.<zone domain>}.
 */
public record Portal(long id, String title, String name, String zone) {}
