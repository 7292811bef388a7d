/**
 * The people of a portal: the Members page (search, filter, paging), invitations by email and by the portal-wide
 * invite link, approvals, roles, positions, leaving and dismissal. Invitation tables live in the directory schema;
 * memberships themselves are changed through the directory's public {@code PortalMembers}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Members")
package dev.canopy.members;
