package dev.canopy.plans;

/**
 * Lets another module forbid a plan change, for example moving a main portal off Enterprise while it has branches.
 * Implementations raise a {@link dev.canopy.web.Refusal} to forbid it.
 */
public interface PlanChangeGuard {

    void checkChange(long portalId, Plan from, Plan to);
}
