package dev.canopy.branches;

/** A portal in the widget where the person is a member, with their role there. */
public record WidgetEntry(NetworkPortal portal, String role) {}
