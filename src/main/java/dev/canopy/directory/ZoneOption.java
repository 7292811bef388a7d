package dev.canopy.directory;

/** A zone offered in the new-portal form, with the address suffix it gives. */
public record ZoneOption(String name, String suffix) {}
