package dev.canopy.plans;

import java.time.Instant;

/**
 * A portal's plan with its paid period and trial.
 *
 * @param paidUntil end of the paid period, or null on Free and during a trial
 * @param trialEndsAt end of the running trial, or null when none runs
 * @param planBeforeTrial the plan a trial returns the portal to
 * @param ownTrialUsed whether the portal's one trial was started
 */
public record PortalPlan(
        long portalId,
        Plan plan,
        Instant paidUntil,
        int enterpriseLimit,
        Instant trialEndsAt,
        Plan planBeforeTrial,
        Instant paidUntilBeforeTrial,
        boolean ownTrialUsed) {

    public boolean inTrial() {
        return trialEndsAt != null;
    }

    /** Whether the portal counts as being on a paid plan; a trial does. */
    public boolean paid() {
        return plan.paid();
    }

    /** The number of active members allowed, or null for no limit. */
    public Integer memberLimit() {
        return plan == Plan.ENTERPRISE ? Integer.valueOf(enterpriseLimit) : plan.defaultMemberLimit();
    }

    /** The instant the current plan runs out: the trial's end or the paid period's end; null on Free. */
    public Instant endsAt() {
        return inTrial() ? trialEndsAt : paidUntil;
    }
}
