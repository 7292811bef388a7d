package dev.canopy.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.directory.Accounts;
import dev.canopy.directory.Portal;
import dev.canopy.directory.PortalCreation;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.TestClock;
import dev.canopy.web.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@CanopyTest
class PlansIntegrationTest {

    private static final AtomicInteger PEOPLE = new AtomicInteger();

    @Autowired
    Plans plans;

    @Autowired
    Accounts accounts;

    @Autowired
    PortalCreation portalCreation;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void newPortalStartsOnFreeWithoutLimit() {
        Portal portal = newPortal("fresh");

        PortalPlan plan = plans.current(portal.id());

        assertThat(plan.plan()).isEqualTo(Plan.FREE);
        assertThat(plan.memberLimit()).isNull();
        assertThat(plan.endsAt()).isNull();
    }

    @Test
    void choosingPaidPlanRunsForChosenMonthsAndSamePlanExtends() {
        Portal portal = newPortal("basic");
        Instant now = clock.instant();

        PortalPlan basic = plans.choose(portal.id(), Plan.BASIC, 1);
        PortalPlan again = plans.choose(portal.id(), Plan.BASIC, 3);
        PortalPlan extended = plans.extend(portal.id(), 12);

        assertThat(basic.paidUntil())
                .isEqualTo(now.atZone(ZoneOffset.UTC).plusMonths(1).toInstant());
        assertThat(again.paidUntil())
                .isEqualTo(now.atZone(ZoneOffset.UTC).plusMonths(4).toInstant());
        assertThat(extended.paidUntil())
                .isEqualTo(now.atZone(ZoneOffset.UTC).plusMonths(16).toInstant());
        assertThat(extended.memberLimit()).isEqualTo(5);
    }

    @Test
    void refusesPeriodsOtherThanOneThreeOrTwelveMonths() {
        Portal portal = newPortal("periods");

        assertThatThrownBy(() -> plans.choose(portal.id(), Plan.STANDARD, 2))
                .isInstanceOf(Refusal.class)
                .extracting(refusal -> ((Refusal) refusal).messageKey())
                .isEqualTo("plan.period.invalid");
        assertThat(plans.current(portal.id()).plan()).isEqualTo(Plan.FREE);
    }

    @Test
    void freePlanCannotBeExtended() {
        Portal portal = newPortal("noextend");

        assertThatThrownBy(() -> plans.extend(portal.id(), 1))
                .isInstanceOf(Refusal.class)
                .extracting(refusal -> ((Refusal) refusal).messageKey())
                .isEqualTo("plan.extend.notPaid");
    }

    @Test
    void enterpriseLimitCanBeRaisedOnlyOnEnterpriseToOfferedSteps() {
        Portal portal = newPortal("bigco");
        assertThatThrownBy(() -> plans.setEnterpriseLimit(portal.id(), 500)).isInstanceOf(Refusal.class);

        plans.choose(portal.id(), Plan.ENTERPRISE, 12);
        PortalPlan raised = plans.setEnterpriseLimit(portal.id(), 5000);

        assertThat(raised.memberLimit()).isEqualTo(5000);
        assertThatThrownBy(() -> plans.setEnterpriseLimit(portal.id(), 3000))
                .isInstanceOf(Refusal.class)
                .extracting(refusal -> ((Refusal) refusal).messageKey())
                .isEqualTo("plan.limit.invalid");
        assertThat(plans.current(portal.id()).memberLimit()).isEqualTo(5000);
    }

    @Test
    void trialRunsFifteenDaysOfProfessionalOncePerPortal() {
        Portal portal = newPortal("trial");
        plans.choose(portal.id(), Plan.BASIC, 1);
        Instant paidUntil = plans.current(portal.id()).paidUntil();

        PortalPlan trial = plans.startTrial(portal.id());

        assertThat(trial.plan()).isEqualTo(Plan.PROFESSIONAL);
        assertThat(trial.paid()).isTrue();
        assertThat(trial.trialEndsAt()).isEqualTo(clock.instant().plus(Duration.ofDays(15)));
        assertThat(trial.planBeforeTrial()).isEqualTo(Plan.BASIC);
        assertThat(trial.paidUntilBeforeTrial()).isEqualTo(paidUntil);
        assertThat(trial.memberLimit()).isEqualTo(100);

        plans.choose(portal.id(), Plan.FREE, 0);
        assertThatThrownBy(() -> plans.startTrial(portal.id()))
                .isInstanceOf(Refusal.class)
                .extracting(refusal -> ((Refusal) refusal).messageKey())
                .isEqualTo("plan.trial.used");
    }

    @Test
    void memberLimitStopsActivationsButDismissesNobody() {
        Portal portal = newPortal("limited");
        for (int i = 0; i < 6; i++) {
            addActiveMember(portal.id());
        }

        plans.choose(portal.id(), Plan.BASIC, 1);

        assertThat(plans.activeMembers(portal.id())).isEqualTo(7);
        assertThatThrownBy(() -> plans.ensureRoomForActivation(portal.id()))
                .isInstanceOf(Refusal.class)
                .extracting(refusal -> ((Refusal) refusal).messageKey())
                .isEqualTo("plan.limitReached");
        plans.choose(portal.id(), Plan.STANDARD, 1);
        plans.ensureRoomForActivation(portal.id());
    }

    @Test
    void concurrentActivationsCannotBothTakeTheLastPlace() throws Exception {
        Portal portal = newPortal("lastplace");
        for (int i = 0; i < 3; i++) {
            addActiveMember(portal.id());
        }
        plans.choose(portal.id(), Plan.BASIC, 1);
        var transactions = new TransactionTemplate(transactionManager);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            attempts.add(() -> {
                start.await();
                try {
                    transactions.executeWithoutResult(status -> {
                        plans.ensureRoomForActivation(portal.id());
                        addActiveMember(portal.id());
                    });
                    return true;
                } catch (Refusal refusal) {
                    return false;
                }
            });
        }

        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (Callable<Boolean> attempt : attempts) {
            outcomes.add(threads.submit(attempt));
        }
        start.countDown();
        int activated = 0;
        for (Future<Boolean> outcome : outcomes) {
            activated += outcome.get() ? 1 : 0;
        }
        threads.shutdown();

        assertThat(activated).isEqualTo(1);
        assertThat(plans.activeMembers(portal.id())).isEqualTo(5);
    }

    private Portal newPortal(String name) {
        long owner = accounts.register(name + "-owner@example.com", "correct horse battery", "Owner of " + name)
                .id();
        return portalCreation.create(owner, "Portal " + name, name, "default");
    }

    private void addActiveMember(long portalId) {
        int n = PEOPLE.incrementAndGet();
        long person = accounts.register("member" + n + "@example.com", "correct horse battery", "Member " + n)
                .id();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                        insert into directory.memberships (portal_id, person_id, role, state, created_at, updated_at)
                        values (?, ?, 'EMPLOYEE', 'ACTIVE', ?, ?)
                        """).params(portalId, person, now, now).update();
    }
}
