package dev.canopy.branches;

/**
 * The content of a blocked portal's page. It names no other portal, because every member of the portal reads it.
 *
 * @param main whether the portal is blocked as the main portal of a disabled network, rather than as a branch
 * @param administrator whether the reader may take the actions that unblock it
 */
public record BlockedView(boolean main, boolean administrator) {}
