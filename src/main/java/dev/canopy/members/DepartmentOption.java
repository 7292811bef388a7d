package dev.canopy.members;

/** A department as the invite link's settings offer it. */
public record DepartmentOption(long id, String name) {}
