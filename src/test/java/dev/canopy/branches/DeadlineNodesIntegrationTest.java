package dev.canopy.branches;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import dev.canopy.directory.Accounts;
import dev.canopy.directory.Portal;
import dev.canopy.directory.PortalCreation;
import dev.canopy.mail.Mailer;
import dev.canopy.plans.Plan;
import dev.canopy.plans.Plans;
import dev.canopy.support.Canopy;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.Eventually;
import dev.canopy.support.HttpBrowser;
import dev.canopy.support.People;
import dev.canopy.support.PortalRecords;
import dev.canopy.support.TestClock;
import dev.canopy.tenancy.PortalScope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.test.context.TestPropertySource;

/**
 * Deadlines across scheduler restarts and several nodes. The application's own scheduler is stopped before each test,
 * and the tests start scheduler instances of their own on the same database, as restarted or additional nodes would.
 * A zero sweep interval runs the sweeps on every poll, because the test clock does not move on its own.
 */
@CanopyTest
@TestPropertySource(properties = "canopy.deadlines.sweep-interval=0s")
class DeadlineNodesIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Scheduler applicationScheduler;

    @Autowired
    List<Task<?>> tasks;

    @Autowired
    DataSource dataSource;

    @Autowired
    BranchNetwork network;

    @Autowired
    Plans plans;

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
    final List<Scheduler> nodes = new ArrayList<>();

    @BeforeEach
    void setUp() {
        applicationScheduler.stop();
        people = new People(accounts, portalCreation, jdbc);
        records = new PortalRecords(jdbc, portalScope, mailer);
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(Scheduler::stop);
        nodes.clear();
    }

    @Test
    void passedDeadlinesApplyAfterRestart() throws Exception {
        long ann = people.person("Ann");
        long bob = people.person("Bob");
        Portal head = enterprise(ann, "Head", "restarthead");
        Portal shop = people.portal(bob, "Shop", "restartshop");
        Instant paidUntil = plans.choose(shop.id(), Plan.BASIC, 1).paidUntil();
        network.accept(bob, shop.id(), network.invite(ann, head.id(), shop.id()).id());

        clock.set(paidUntil.plus(Duration.ofDays(16)));
        Eventually.quietPeriod();
        assertThat(plans.current(shop.id()).plan()).isEqualTo(Plan.BASIC);

        startNode("restarted");
        NetworkPortal blocked = Eventually.value(() -> network.portal(shop.id()), portal -> portal.blockedAt() != null);

        assertThat(plans.current(shop.id()).plan()).isEqualTo(Plan.FREE);
        assertThat(blocked.suspendedAt()).isEqualTo(paidUntil);
        assertThat(blocked.blockedAt()).isNotNull();
        assertThat(events(shop.id())).containsOnlyOnce(NetworkEvent.SUSPENDED, NetworkEvent.BLOCKED);
        assertThat(Eventually.value(() -> records.notificationCount(shop.id(), "standing.blocked.self"), n -> n >= 1))
                .isEqualTo(1);
        assertThat(records.notificationCount(shop.id(), "plan.ended.paid")).isEqualTo(1);
    }

    @Test
    void pageAppliesEndedPlanBeforeSweep() throws Exception {
        long ann = people.person("Ann");
        long bob = people.person("Bob");
        Portal head = enterprise(ann, "Head", "pagehead");
        Portal shop = people.portal(bob, "Shop", "pageshop");
        Instant paidUntil = plans.choose(shop.id(), Plan.BASIC, 1).paidUntil();
        network.accept(bob, shop.id(), network.invite(ann, head.id(), shop.id()).id());
        clock.set(paidUntil.plus(Duration.ofDays(16)));
        Canopy canopy = new Canopy(port);

        try (HttpBrowser owner = new HttpBrowser()) {
            canopy.signIn(owner, people.email(bob));
            var home = owner.open(canopy.portal("pageshop", "/"));

            assertThat(home.status()).isEqualTo(403);
            assertThat(home.body()).contains("data-testid=\"blocked-page\"");
            assertThat(plans.current(shop.id()).plan()).isEqualTo(Plan.FREE);
            var planPage = owner.open(canopy.portal("pageshop", "/settings/plan"));
            assertThat(planPage.body()).contains("data-testid=\"current-plan\">Free<");
        }
        startNode("after-page");
        Eventually.quietPeriod();
        assertThat(events(shop.id())).containsOnlyOnce(NetworkEvent.SUSPENDED, NetworkEvent.BLOCKED);
        assertThat(events(head.id())).containsOnlyOnce(NetworkEvent.SUSPENDED, NetworkEvent.BLOCKED);
        assertThat(records.notificationCount(shop.id(), "plan.ended.paid")).isEqualTo(1);
    }

    @Test
    void twoNodesApplyTransitionsOnce() throws Exception {
        long ann = people.person("Ann");
        Portal head = people.portal(ann, "Head", "twohead");
        Instant paidUntil = plans.choose(head.id(), Plan.ENTERPRISE, 1).paidUntil();
        Portal shop = people.portal(ann, "Shop", "twoshop");
        plans.choose(shop.id(), Plan.STANDARD, 12);
        network.connectAtOnce(ann, head.id(), shop.id());
        startNode("node-a");
        startNode("node-b");

        clock.set(paidUntil.minus(Duration.ofDays(3)).plus(Duration.ofMinutes(5)));
        Eventually.value(() -> records.notificationCount(head.id(), "plan.ending.paid.3days"), n -> n >= 1);
        clock.set(paidUntil.plus(Duration.ofMinutes(5)));
        Eventually.value(() -> network.portal(head.id()), NetworkPortal::networkDisabled);
        Eventually.value(() -> records.mailCount(head.id(), "Head: the network is disabled"), n -> n >= 1);
        clock.advance(Duration.ofMinutes(10));
        Eventually.quietPeriod();

        assertThat(records.notificationCount(head.id(), "plan.ending.paid.3days"))
                .isEqualTo(1);
        assertThat(records.notificationCount(head.id(), "plan.ended.paid")).isEqualTo(1);
        assertThat(records.notificationCount(head.id(), "standing.disabled.main"))
                .isEqualTo(1);
        assertThat(records.notificationCount(shop.id(), "standing.disabled.branch"))
                .isEqualTo(1);
        assertThat(records.mailCount(head.id(), "Head: the network is disabled"))
                .isEqualTo(1);
        assertThat(events(head.id())).containsOnlyOnce(NetworkEvent.DISABLED);
        assertThat(events(shop.id())).containsOnlyOnce(NetworkEvent.DISABLED);

        clock.set(paidUntil.plus(Duration.ofDays(15)).plus(Duration.ofMinutes(5)));
        Eventually.value(() -> network.portal(head.id()), portal -> portal.blockedAt() != null);
        clock.advance(Duration.ofMinutes(10));
        Eventually.quietPeriod();

        assertThat(events(head.id())).containsOnlyOnce(NetworkEvent.BLOCKED);
        assertThat(records.notificationCount(head.id(), "standing.mainBlocked.self"))
                .isEqualTo(1);
        assertThat(records.mailCount(head.id(), "Head: the portal is blocked")).isEqualTo(1);
    }

    /** Starts a scheduler configured like the application's, under its own node name. */
    private void startNode(String name) {
        List<Task<?>> oneTime = tasks.stream()
                .filter(task -> !(task instanceof RecurringTask<?>))
                .toList();
        List<RecurringTask<?>> recurring = tasks.stream()
                .filter(task -> task instanceof RecurringTask<?>)
                .<RecurringTask<?>>map(task -> (RecurringTask<?>) task)
                .toList();
        Scheduler node = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), oneTime)
                .startTasks(recurring)
                .tableName("directory.scheduled_tasks")
                .clock(clock::instant)
                .pollingInterval(Duration.ofMillis(100))
                .threads(4)
                .alwaysPersistTimestampInUTC()
                .commitWhenAutocommitDisabled(false)
                .schedulerName(new SchedulerName.Fixed(name))
                .build();
        nodes.add(node);
        node.start();
    }

    private Portal enterprise(long owner, String title, String name) {
        Portal portal = people.portal(owner, title, name);
        plans.choose(portal.id(), Plan.ENTERPRISE, 12);
        return portal;
    }

    private List<NetworkEvent> events(long portalId) {
        return network.log(portalId).stream().map(NetworkLogEntry::event).toList();
    }
}
