/**
 * Persons, portals and memberships, and everything around one sign-in for all portals: the hub (register, verify,
 * sign in, your portals, create a portal), the one-time codes that carry a sign-in to a portal host, the operator's
 * page, and the resolution of each request's host to the hub or a portal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
package dev.canopy.directory;
