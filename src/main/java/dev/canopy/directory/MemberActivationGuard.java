package dev.canopy.directory;

/**
 * Lets another module forbid that one more member of a portal becomes active, for example when the portal's plan
 * has no free place. Implementations raise a {@link dev.canopy.web.Refusal} to forbid it.
 */
public interface MemberActivationGuard {

    void checkActivation(long portalId);
}
