/**
 * Branch networks: a main portal on Enterprise and the branches connected to it. Connecting at once or by request,
 * creating a branch, disconnecting and leaving, the widget that lets people switch between the network's portals,
 * the network managers' branch menu, and each portal's network log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Branch networks")
package dev.canopy.branches;
