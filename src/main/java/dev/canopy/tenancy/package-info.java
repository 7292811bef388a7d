/**
 * The portal context and its database plumbing: the embedded or external PostgreSQL, the owner and application
 * roles, and the one call that runs a block of work as a portal so that row-level security scopes every query.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tenancy")
package dev.canopy.tenancy;
