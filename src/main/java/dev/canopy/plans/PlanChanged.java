package dev.canopy.plans;

/**
 * Published inside the transaction that changes a portal's plan.
 *
 * @param wasPaid whether the portal counted as being on a paid plan before the change (a trial counts)
 * @param isPaid whether it counts as being on one after
 */
public record PlanChanged(long portalId, Plan from, Plan to, boolean wasPaid, boolean isPaid) {}
