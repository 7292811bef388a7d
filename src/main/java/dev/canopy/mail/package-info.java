/**
 * Outgoing mail: sent over SMTP when a server is configured, otherwise stored for the operator (mail of the hub) or
 * for a portal's administrators (mail of that portal). Mail bodies hold live links and are never logged.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail")
package dev.canopy.mail;
