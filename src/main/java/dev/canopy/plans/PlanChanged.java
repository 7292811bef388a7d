package dev.canopy.plans;

import java.time.Instant;

/**
 * Published inside the transaction that changes a portal's plan.
 *
 * @param wasPaid whether the portal counted as being on a paid plan before the change (a trial counts)
 * @param isPaid whether it counts as being on one after
 * @param at when the change took effect: now for an administrator's choice, the passed deadline for an ended paid
 *     period or trial
 * @param expired whether a paid period or trial ran out, rather than an administrator changing the plan
 */
public record PlanChanged(
        long portalId, Plan from, Plan to, boolean wasPaid, boolean isPaid, Instant at, boolean expired) {}
