package dev.canopy.branches;

/**
 * A connection rule a pair of portals breaks.
 *
 * @param messageKey the message naming the rule
 * @param concernedPortalId the portal the rule is about; only its administrators may read which rule it is
 */
record RuleBreak(String messageKey, long concernedPortalId) {}
