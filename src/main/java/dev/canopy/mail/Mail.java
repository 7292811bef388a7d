package dev.canopy.mail;

/**
 * One outgoing plain-text message.
 *
 * @param portalId the portal it is sent in the name of, or null for mail of the hub
 */
public record Mail(Long portalId, String recipient, String subject, String body) {}
