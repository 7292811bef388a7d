package dev.canopy.directory;

/**
 * One human with one network profile.
 *
 * @param verified whether the email was proved by a mailed link, or taken as given on an install without SMTP
 * @param operator whether this is the first person who registered, who administers the installation
 */
public record Person(long id, String email, String name, boolean verified, boolean operator) {}
