package dev.canopy.plans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.directory.Accounts;
import dev.canopy.directory.Portal;
import dev.canopy.directory.PortalCreation;
import dev.canopy.mail.Mailer;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.Eventually;
import dev.canopy.support.People;
import dev.canopy.support.PortalRecords;
import dev.canopy.support.TestClock;
import dev.canopy.tenancy.PortalScope;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

// A zero sweep interval runs the sweeps on every poll, because the test clock does not move on its own.
@CanopyTest
@TestPropertySource(properties = "canopy.deadlines.sweep-interval=0s")
class PlanDeadlinesIntegrationTest {

    @Autowired
    Plans plans;

    @Autowired
    PlanDeadlines deadlines;

    @Autowired
    Accounts accounts;

    @Autowired
    PortalCreation portalCreation;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PortalScope portalScope;

    @Autowired
    Mailer mailer;

    @Autowired
    TestClock clock;

    People people;
    PortalRecords records;

    @BeforeEach
    void setUp() {
        people = new People(accounts, portalCreation, jdbc);
        records = new PortalRecords(jdbc, portalScope, mailer);
    }

    @Test
    void paidPlanWarnsTwiceThenFallsToFree() throws Exception {
        long ann = people.person("Ann");
        Portal shop = people.portal(ann, "Shop", "paidend");
        Instant paidUntil = plans.choose(shop.id(), Plan.BASIC, 1).paidUntil();

        clock.set(paidUntil.minus(Duration.ofDays(3)).plus(Duration.ofMinutes(5)));
        assertThat(awaitNotifications(shop.id(), "plan.ending.paid.3days", 1)).isEqualTo(1);
        clock.advance(Duration.ofHours(2));
        Eventually.quietPeriod();
        assertThat(records.notificationCount(shop.id(), "plan.ending.paid.3days"))
                .isEqualTo(1);
        assertThat(records.notificationCount(shop.id(), "plan.ending.paid.1days"))
                .isZero();

        clock.set(paidUntil.minus(Duration.ofDays(1)).plus(Duration.ofMinutes(5)));
        assertThat(awaitNotifications(shop.id(), "plan.ending.paid.1days", 1)).isEqualTo(1);

        clock.set(paidUntil.plus(Duration.ofMinutes(5)));
        assertThat(awaitNotifications(shop.id(), "plan.ended.paid", 1)).isEqualTo(1);
        PortalPlan after = plans.current(shop.id());
        assertThat(after.plan()).isEqualTo(Plan.FREE);
        assertThat(after.paidUntil()).isNull();
        assertThat(Eventually.value(() -> records.mailCount(shop.id(), "Shop: your plan"), count -> count >= 3))
                .isEqualTo(3);
        assertThat(records.notificationKeys(shop.id()))
                .containsExactly("plan.ending.paid.3days", "plan.ending.paid.1days", "plan.ended.paid");
    }

    @Test
    void extensionRestartsWarnings() throws Exception {
        long ann = people.person("Ann");
        Portal shop = people.portal(ann, "Shop", "extendwarn");
        Instant paidUntil = plans.choose(shop.id(), Plan.STANDARD, 1).paidUntil();
        clock.set(paidUntil.minus(Duration.ofDays(2)));
        awaitNotifications(shop.id(), "plan.ending.paid.3days", 1);

        Instant extendedUntil = plans.extend(shop.id(), 1).paidUntil();
        clock.set(extendedUntil.minus(Duration.ofDays(2)));

        assertThat(awaitNotifications(shop.id(), "plan.ending.paid.3days", 2)).isEqualTo(2);
        assertThat(plans.current(shop.id()).plan()).isEqualTo(Plan.STANDARD);
    }

    @Test
    void trialReturnsToEarlierPlan() {
        long ann = people.person("Ann");
        Portal shop = people.portal(ann, "Shop", "trialback");
        Instant paidUntil = plans.choose(shop.id(), Plan.STANDARD, 12).paidUntil();
        Instant trialEnds = plans.startTrial(shop.id()).trialEndsAt();

        clock.set(trialEnds.minus(Duration.ofDays(3)).plus(Duration.ofMinutes(1)));
        assertThat(awaitNotifications(shop.id(), "plan.ending.trial.3days", 1)).isEqualTo(1);
        clock.set(trialEnds.plus(Duration.ofMinutes(1)));

        PortalPlan after = Eventually.value(() -> plans.current(shop.id()), plan -> !plan.inTrial());
        assertThat(after.plan()).isEqualTo(Plan.STANDARD);
        assertThat(after.paidUntil()).isEqualTo(paidUntil);
        assertThat(after.ownTrialUsed()).isTrue();
        assertThat(awaitNotifications(shop.id(), "plan.ended.trial", 1)).isEqualTo(1);
    }

    @Test
    void trialEndsOnFreeAfterPeriodPassed() {
        long ann = people.person("Ann");
        Portal shop = people.portal(ann, "Shop", "trialfree");
        Instant paidUntil = plans.choose(shop.id(), Plan.BASIC, 1).paidUntil();
        clock.set(paidUntil.minus(Duration.ofDays(5)));
        Instant trialEnds = plans.startTrial(shop.id()).trialEndsAt();

        clock.set(trialEnds.plus(Duration.ofMinutes(1)));

        PortalPlan after = Eventually.value(() -> plans.current(shop.id()), plan -> !plan.inTrial());
        assertThat(after.plan()).isEqualTo(Plan.FREE);
        assertThat(after.paidUntil()).isNull();
    }

    @Test
    void concurrentSweepsEndPlanOnce() throws Exception {
        long ann = people.person("Ann");
        Portal shop = people.portal(ann, "Shop", "racesweep");
        Instant paidUntil = plans.choose(shop.id(), Plan.PROFESSIONAL, 1).paidUntil();

        // Jump straight past the end, with the scheduler's own sweep racing the two sweeps started here.
        CyclicBarrier start = new CyclicBarrier(2);
        clock.set(paidUntil.plus(Duration.ofMinutes(1)));
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> sweepAfter(start));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> sweepAfter(start));
        CompletableFuture.allOf(first, second).get();
        Eventually.quietPeriod();

        assertThat(plans.current(shop.id()).plan()).isEqualTo(Plan.FREE);
        assertThat(records.notificationKeys(shop.id())).containsExactly("plan.ended.paid");
        assertThat(records.mailCount(shop.id(), "Shop: your plan")).isEqualTo(1);
    }

    private void sweepAfter(CyclicBarrier start) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        deadlines.sweep();
    }

    private long awaitNotifications(long portalId, String key, long expected) {
        return Eventually.value(() -> records.notificationCount(portalId, key), count -> count >= expected);
    }
}
