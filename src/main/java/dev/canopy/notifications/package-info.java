/**
 * Notices for members inside one portal: the {@link dev.canopy.notifications.Notifier} that other modules call, the
 * bell with the unread count in a portal's top bar, and the page that lists a member's notifications.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package dev.canopy.notifications;
