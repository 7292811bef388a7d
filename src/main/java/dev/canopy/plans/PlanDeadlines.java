package dev.canopy.plans;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the deadlines of portals' plans: warns administrators 3 days and 1 day before a paid period or trial ends,
 * and ends it once its instant has passed. The deadlines are columns of the portal, and each portal is handled in a
 * transaction of its own under its row lock, with the state checked again there. So any number of nodes may sweep at
 * the same moment, and a deadline that passed while Canopy was stopped is applied by the next sweep.
 */
@Service
class PlanDeadlines {

    static final Duration FIRST_WARNING = Duration.ofDays(3);
    static final Duration LAST_WARNING = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(PlanDeadlines.class);

    private final PortalPlans portalPlans;
    private final Plans plans;
    private final PlanNotices notices;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final TransactionTemplate separateTransaction;
    private final Semaphore pageEndings = new Semaphore(1);

    PlanDeadlines(
            PortalPlans portalPlans,
            Plans plans,
            PlanNotices notices,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.portalPlans = portalPlans;
        this.plans = plans;
        this.notices = notices;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.separateTransaction = new TransactionTemplate(transactionManager);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Applies every due deadline; a failure on one portal is logged and leaves the others alone. */
    void sweep() {
        for (long portalId : portalPlans.withDeadlineDue(clock.instant(), FIRST_WARNING)) {
            try {
                transactions.executeWithoutResult(status -> applyDue(portalId));
            } catch (RuntimeException e) {
                log.error("Could not apply the plan deadlines of portal {}", portalId, e);
            }
        }
    }

    /**
     * Ends the portal's plan if its end has passed and no sweep has ended it yet, so that pages show the plan that
     * applies now. It runs in a transaction of its own that commits even when the page then fails or shows the blocked page,
     * so the caller must not hold the portal's row lock. Warnings are left to the sweep. One request per node does this
     * at a time, because each takes a second pooled connection; requests meanwhile leave it to the sweep.
     */
    void endIfPassed(long portalId) {
        var plan = portalPlans.find(portalId);
        if (plan.isPresent()
                && plan.get().endsAt() != null
                && !clock.instant().isBefore(plan.get().endsAt())) {
            if (!pageEndings.tryAcquire()) {
                return;
            }
            try {
                separateTransaction.executeWithoutResult(status -> applyDue(portalId));
            } finally {
                pageEndings.release();
            }
        }
    }

    private void applyDue(long portalId) {
        PortalPlan current = portalPlans.lock(portalId);
        Instant end = current.endsAt();
        Instant now = clock.instant();
        if (end == null) {
            return;
        }
        if (!now.isBefore(end)) {
            PortalPlan next = plans.expireLocked(current);
            notices.planEnded(current, next);
            return;
        }
        int due = now.isBefore(end.minus(FIRST_WARNING)) ? 0 : now.isBefore(end.minus(LAST_WARNING)) ? 1 : 2;
        if (due <= portalPlans.warningsSent(portalId, end)) {
            return;
        }
        portalPlans.recordWarnings(portalId, end, due);
        notices.planEnding(current, due == 1 ? FIRST_WARNING : LAST_WARNING);
        log.info("Warned the administrators of portal {} that its plan ends at {}", portalId, end);
    }
}
