package dev.canopy.plans;

import dev.canopy.web.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes a portal's plan: choose a plan for a period, extend it, raise Enterprise's member limit, start the one
 * Professional trial. Every change locks the portal's row first, so concurrent changes apply one after another.
 */
@Service
public class Plans {

    public static final Duration TRIAL_LENGTH = Duration.ofDays(15);
    private static final Logger log = LoggerFactory.getLogger(Plans.class);

    private final PortalPlans portalPlans;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final List<PlanChangeGuard> guards;

    Plans(PortalPlans portalPlans, Clock clock, ApplicationEventPublisher events, List<PlanChangeGuard> guards) {
        this.portalPlans = portalPlans;
        this.clock = clock;
        this.events = events;
        this.guards = guards;
    }

    public PortalPlan current(long portalId) {
        return portalPlans.find(portalId).orElseThrow(() -> new IllegalArgumentException("No portal " + portalId));
    }

    public int activeMembers(long portalId) {
        return portalPlans.activeMembers(portalId);
    }

    /**
     * Puts the portal on a plan. A paid plan runs for the given months from now; choosing the plan the portal is
     * already paying for extends it instead. Choosing any plan ends a running trial.
     */
    @Transactional
    public PortalPlan choose(long portalId, Plan plan, int months) {
        PortalPlan current = portalPlans.lock(portalId);
        if (plan.paid() && !Plan.PERIODS.contains(months)) {
            throw new Refusal("months", "plan.period.invalid");
        }
        if (plan.paid() && plan == current.plan() && !current.inTrial()) {
            return extendLocked(current, months);
        }
        guards.forEach(guard -> guard.checkChange(portalId, current.plan(), plan));
        Instant paidUntil = plan.paid() ? plusMonths(clock.instant(), months) : null;
        int enterpriseLimit = plan == Plan.ENTERPRISE ? current.enterpriseLimit() : Plan.ENTERPRISE_LIMITS.get(0);
        PortalPlan chosen =
                new PortalPlan(portalId, plan, paidUntil, enterpriseLimit, null, null, null, current.ownTrialUsed());
        save(current, chosen);
        log.info("Portal {} moved from {} to {}", portalId, current.plan(), plan);
        return chosen;
    }

    /** Moves the end of a paid period by the given months. */
    @Transactional
    public PortalPlan extend(long portalId, int months) {
        return extendLocked(portalPlans.lock(portalId), months);
    }

    private PortalPlan extendLocked(PortalPlan current, int months) {
        if (!Plan.PERIODS.contains(months)) {
            throw new Refusal("months", "plan.period.invalid");
        }
        if (!current.plan().paid() || current.inTrial()) {
            throw new Refusal(null, "plan.extend.notPaid");
        }
        Instant from = current.paidUntil().isAfter(clock.instant()) ? current.paidUntil() : clock.instant();
        PortalPlan extended = new PortalPlan(
                current.portalId(),
                current.plan(),
                plusMonths(from, months),
                current.enterpriseLimit(),
                null,
                null,
                null,
                current.ownTrialUsed());
        portalPlans.save(extended);
        log.info("Portal {} extended {} until {}", current.portalId(), current.plan(), extended.paidUntil());
        return extended;
    }

    /** Sets the member limit of an Enterprise portal to one of the offered steps. */
    @Transactional
    public PortalPlan setEnterpriseLimit(long portalId, int limit) {
        PortalPlan current = portalPlans.lock(portalId);
        if (current.plan() != Plan.ENTERPRISE) {
            throw new Refusal(null, "plan.limit.notEnterprise");
        }
        if (!Plan.ENTERPRISE_LIMITS.contains(limit)) {
            throw new Refusal("limit", "plan.limit.invalid");
        }
        PortalPlan changed = new PortalPlan(
                portalId,
                current.plan(),
                current.paidUntil(),
                limit,
                current.trialEndsAt(),
                current.planBeforeTrial(),
                current.paidUntilBeforeTrial(),
                current.ownTrialUsed());
        portalPlans.save(changed);
        return changed;
    }

    /** Starts the portal's one 15-day Professional trial; the portal returns to its current plan afterwards. */
    @Transactional
    public PortalPlan startTrial(long portalId) {
        PortalPlan current = portalPlans.lock(portalId);
        if (current.inTrial()) {
            throw new Refusal(null, "plan.trial.running");
        }
        if (current.ownTrialUsed()) {
            throw new Refusal(null, "plan.trial.used");
        }
        guards.forEach(guard -> guard.checkChange(portalId, current.plan(), Plan.PROFESSIONAL));
        PortalPlan trial = new PortalPlan(
                portalId,
                Plan.PROFESSIONAL,
                null,
                current.enterpriseLimit(),
                clock.instant().plus(TRIAL_LENGTH),
                current.plan(),
                current.paidUntil(),
                true);
        save(current, trial);
        log.info("Portal {} started its Professional trial", portalId);
        return trial;
    }

    /**
     * Starts the 15-day Professional trial a Free portal gets when it joins a network. It does not use up the
     * portal's own trial; at its end the portal returns to Free.
     */
    @Transactional
    public PortalPlan startNetworkTrial(long portalId) {
        PortalPlan current = portalPlans.lock(portalId);
        PortalPlan trial = new PortalPlan(
                portalId,
                Plan.PROFESSIONAL,
                null,
                current.enterpriseLimit(),
                clock.instant().plus(TRIAL_LENGTH),
                current.plan(),
                current.paidUntil(),
                current.ownTrialUsed());
        save(current, trial);
        log.info("Portal {} started a network trial", portalId);
        return trial;
    }

    private void save(PortalPlan before, PortalPlan after) {
        portalPlans.save(after);
        events.publishEvent(new PlanChanged(
                after.portalId(), before.plan(), after.plan(), before.paid(), after.paid(), clock.instant(), false));
    }

    /**
     * Ends the locked portal's trial or paid period, which must have run out. A trial returns the portal to the plan
     * it had before, unless that plan's paid period has passed too; everything else falls to Free. No
     * {@link PlanChangeGuard} applies, because nobody chose the change.
     */
    PortalPlan expireLocked(PortalPlan current) {
        Instant endedAt = current.endsAt();
        boolean earlierPlanStillPaid = current.inTrial()
                && current.planBeforeTrial() != null
                && current.planBeforeTrial().paid()
                && current.paidUntilBeforeTrial() != null
                && current.paidUntilBeforeTrial().isAfter(clock.instant());
        PortalPlan next = earlierPlanStillPaid
                ? new PortalPlan(
                        current.portalId(),
                        current.planBeforeTrial(),
                        current.paidUntilBeforeTrial(),
                        current.enterpriseLimit(),
                        null,
                        null,
                        null,
                        current.ownTrialUsed())
                : new PortalPlan(
                        current.portalId(),
                        Plan.FREE,
                        null,
                        current.enterpriseLimit(),
                        null,
                        null,
                        null,
                        current.ownTrialUsed());
        portalPlans.save(next);
        events.publishEvent(new PlanChanged(
                current.portalId(), current.plan(), next.plan(), current.paid(), next.paid(), endedAt, true));
        log.info(
                "Portal {} {} ended at {}; it is now on {}",
                current.portalId(),
                current.inTrial() ? "trial" : "paid period",
                endedAt,
                next.plan());
        return next;
    }

    /**
     * Raises a refusal unless one more member may become active. Locks the portal's row, so two activations at the
     * same moment cannot both take the last place.
     */
    @Transactional
    public void ensureRoomForActivation(long portalId) {
        PortalPlan current = portalPlans.lock(portalId);
        Integer limit = current.memberLimit();
        if (limit != null && portalPlans.activeMembers(portalId) >= limit) {
            throw new Refusal(null, "plan.limitReached", limit);
        }
    }

    private static Instant plusMonths(Instant from, int months) {
        return from.atZone(ZoneOffset.UTC).plusMonths(months).toInstant();
    }
}
