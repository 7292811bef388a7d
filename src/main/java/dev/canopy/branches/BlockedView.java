package dev.canopy.branches;

/**
 * What the page of a blocked portal says. It names no other portal, because every member of the portal sees it.
 *
 * @param main whether the portal is blocked as the main portal of a disabled network, rather than as a branch
 * @param administrator whether the reader may take the actions that unblock it
 */
public record BlockedView(boolean main, boolean administrator) {}
