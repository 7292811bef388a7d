package dev.canopy.branches;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Suspended, blocked and disabled standing driven by the scheduler as the clock passes each deadline. A zero sweep
 * interval runs the sweeps on every poll, because the test clock does not move on its own.
 */
@CanopyTest
@TestPropertySource(properties = "canopy.deadlines.sweep-interval=0s")
class NetworkStandingIntegrationTest {

    @LocalServerPort
    int port;

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

    Canopy canopy;
    People people;
    PortalRecords records;

    @BeforeEach
    void setUp() {
        canopy = new Canopy(port);
        people = new People(accounts, portalCreation, jdbc);
        records = new PortalRecords(jdbc, portalScope, mailer);
    }

    @Test
    void expiredBranchIsSuspendedThenBlocked() throws Exception {
        long ann = people.person("Ann");
        long bob = people.person("Bob");
        long eve = people.person("Eve");
        Portal head = enterprise(ann, "Zeta Headquarters", "zetahq", 12);
        Portal shop = people.portal(bob, "Corner Shop", "cornershop");
        people.join(shop.id(), eve, "EMPLOYEE");
        Instant paidUntil = plans.choose(shop.id(), Plan.BASIC, 1).paidUntil();
        network.accept(bob, shop.id(), network.invite(ann, head.id(), shop.id()).id());

        clock.set(paidUntil.plus(Duration.ofMinutes(5)));
        NetworkPortal suspended = Eventually.value(() -> network.portal(shop.id()), NetworkPortal::suspended);

        assertThat(suspended.suspendedAt()).isEqualTo(paidUntil);
        assertThat(plans.current(shop.id()).plan()).isEqualTo(Plan.FREE);
        assertThat(events(shop.id())).containsOnlyOnce(NetworkEvent.SUSPENDED);
        assertThat(events(head.id())).containsOnlyOnce(NetworkEvent.SUSPENDED);
        assertThat(awaitNotifications(shop.id(), "standing.suspended.self")).isEqualTo(1);
        assertThat(awaitNotifications(head.id(), "standing.suspended.main")).isEqualTo(1);
        assertThat(awaitMail(shop.id(), "Corner Shop: the branch is suspended")).isEqualTo(1);
        String deadline = BranchStanding.DATES.format(paidUntil.plus(Duration.ofDays(15)));
        try (HttpBrowser owner = signedIn(bob);
                HttpBrowser employee = signedIn(eve);
                HttpBrowser manager = signedIn(ann)) {
            var ownerHome = owner.open(canopy.portal("cornershop", "/members"));
            assertThat(ownerHome.status()).isEqualTo(200);
            assertThat(ownerHome.body())
                    .contains("data-testid=\"suspended-banner\"")
                    .contains(deadline)
                    .contains("action=\"/settings/network/leave\"");
            var employeeHome = employee.open(canopy.portal("cornershop", "/"));
            assertThat(employeeHome.status()).isEqualTo(200);
            assertThat(employeeHome.body()).doesNotContain("suspended-banner");
            manager.open(canopy.portal("zetahq", "/"));
            assertThat(manager.get(canopy.portal("zetahq", "/network/widget")).body())
                    .contains("<strong class=\"standing\">suspended</strong>");

            clock.set(paidUntil.plus(Duration.ofDays(15)).plus(Duration.ofMinutes(5)));
            NetworkPortal blocked =
                    Eventually.value(() -> network.portal(shop.id()), portal -> portal.blockedAt() != null);

            assertThat(blocked.blockedAt()).isNotNull();
            assertThat(awaitNotifications(shop.id(), "standing.blocked.self")).isEqualTo(1);
            assertThat(awaitNotifications(head.id(), "standing.blocked.main")).isEqualTo(1);
            var employeeBlocked = employee.open(canopy.portal("cornershop", "/structure"));
            assertThat(employeeBlocked.status()).isEqualTo(403);
            assertThat(employeeBlocked.body())
                    .contains("data-testid=\"blocked-page\"")
                    .contains("on the Free plan for more than 15 days")
                    .doesNotContain("Zeta");
            assertThat(owner.open(canopy.portal("cornershop", "/")).body()).contains("data-testid=\"blocked-page\"");
            var planPage = owner.open(canopy.portal("cornershop", "/settings/plan"));
            assertThat(planPage.status()).isEqualTo(200);
            assertThat(planPage.body()).contains("data-testid=\"blocked-banner\"");
            assertThat(owner.open(canopy.portal("cornershop", "/settings/network"))
                            .status())
                    .isEqualTo(200);
            assertThat(manager.get(canopy.portal("zetahq", "/network/widget")).body())
                    .contains("<strong class=\"standing\">blocked</strong>");

            clock.advance(Duration.ofMinutes(30));
            Eventually.quietPeriod();
            assertThat(events(shop.id())).containsOnlyOnce(NetworkEvent.BLOCKED);
            assertThat(records.notificationCount(shop.id(), "standing.blocked.self"))
                    .isEqualTo(1);

            owner.open(canopy.portal("cornershop", "/settings/plan"));
            var chosen =
                    owner.post(canopy.portal("cornershop", "/settings/plan/choose"), "plan", "BASIC", "months", "1");
            assertThat(chosen.status()).isEqualTo(302);
            var unblocked = employee.open(canopy.portal("cornershop", "/structure"));
            assertThat(unblocked.status()).isEqualTo(200);
            assertThat(unblocked.body()).doesNotContain("blocked-page");
            assertThat(owner.open(canopy.portal("cornershop", "/")).body()).doesNotContain("-banner\"");
        }
        NetworkPortal restored = network.portal(shop.id());
        assertThat(restored.suspendedAt()).isNull();
        assertThat(restored.blockedAt()).isNull();
        assertThat(events(shop.id())).containsOnlyOnce(NetworkEvent.RESTORED);
        assertThat(records.notificationCount(head.id(), "standing.restored.main"))
                .isEqualTo(1);
    }

    @Test
    void blockedBranchLeavesAndOpens() throws Exception {
        long ann = people.person("Ann");
        long bob = people.person("Bob");
        Portal head = enterprise(ann, "Head", "leavehead", 12);
        Portal shop = people.portal(bob, "Shop", "leaveshop");
        plans.choose(shop.id(), Plan.BASIC, 12);
        network.accept(bob, shop.id(), network.invite(ann, head.id(), shop.id()).id());
        plans.choose(shop.id(), Plan.FREE, 0);

        clock.advance(Duration.ofDays(15).plusMinutes(5));
        Eventually.value(() -> network.portal(shop.id()), portal -> portal.blockedAt() != null);

        try (HttpBrowser owner = signedIn(bob)) {
            assertThat(owner.open(canopy.portal("leaveshop", "/")).status()).isEqualTo(403);
            owner.open(canopy.portal("leaveshop", "/settings/network"));
            var left = owner.post(canopy.portal("leaveshop", "/settings/network/leave"));
            assertThat(left.status()).isEqualTo(302);
            assertThat(owner.open(canopy.portal("leaveshop", "/")).status()).isEqualTo(200);
        }
        NetworkPortal alone = network.portal(shop.id());
        assertThat(alone.inNetwork()).isFalse();
        assertThat(alone.blockedAt()).isNull();
        assertThat(events(head.id())).contains(NetworkEvent.BLOCKED, NetworkEvent.LEFT);
    }

    @Test
    void unusedTrialUnblocksBranchAtOnce() {
        long ann = people.person("Ann");
        long bob = people.person("Bob");
        Portal head = enterprise(ann, "Head", "trialhead", 12);
        Portal shop = people.portal(bob, "Shop", "trialshop");
        plans.choose(shop.id(), Plan.BASIC, 12);
        network.accept(bob, shop.id(), network.invite(ann, head.id(), shop.id()).id());
        plans.choose(shop.id(), Plan.FREE, 0);
        clock.advance(Duration.ofDays(15).plusMinutes(5));
        Eventually.value(() -> network.portal(shop.id()), portal -> portal.blockedAt() != null);

        plans.startTrial(shop.id());

        NetworkPortal restored = network.portal(shop.id());
        assertThat(restored.suspended()).isFalse();
        assertThat(restored.blocked(clock.instant())).isFalse();
        assertThat(restored.blockedAt()).isNull();
        assertThat(events(shop.id())).containsOnlyOnce(NetworkEvent.RESTORED);
        assertThat(records.notificationCount(shop.id(), "standing.restored.self"))
                .isEqualTo(1);
    }

    @Test
    void mainOffEnterpriseDisablesNetwork() throws Exception {
        long ann = people.person("Ann");
        Portal head = enterprise(ann, "Head", "dishead", 1);
        Portal shop = people.portal(ann, "Shop", "disshop");
        plans.choose(shop.id(), Plan.STANDARD, 12);
        network.connectAtOnce(ann, head.id(), shop.id());
        Instant paidUntil = plans.current(head.id()).paidUntil();

        try (HttpBrowser manager = signedIn(ann)) {
            assertThat(manager.open(canopy.portal("disshop", "/")).body()).contains("network-toggle");

            clock.set(paidUntil.plus(Duration.ofMinutes(5)));
            NetworkPortal disabled = Eventually.value(() -> network.portal(head.id()), NetworkPortal::networkDisabled);

            assertThat(disabled.main()).isTrue();
            assertThat(network.portal(shop.id()).networkDisabled()).isTrue();
            assertThat(network.mayLeave(network.portal(shop.id()))).isTrue();
            assertThat(events(head.id())).containsOnlyOnce(NetworkEvent.DISABLED);
            assertThat(events(shop.id())).containsOnlyOnce(NetworkEvent.DISABLED);
            assertThat(awaitNotifications(head.id(), "standing.disabled.main")).isEqualTo(1);
            assertThat(awaitNotifications(shop.id(), "standing.disabled.branch"))
                    .isEqualTo(1);
            assertThat(awaitMail(shop.id(), "Shop: the network is disabled")).isEqualTo(1);
            var branchHome = manager.open(canopy.portal("disshop", "/"));
            assertThat(branchHome.body()).doesNotContain("network-toggle");
            assertThat(manager.get(canopy.portal("disshop", "/network/widget")).status())
                    .isEqualTo(404);
            var mainHome = manager.open(canopy.portal("dishead", "/"));
            assertThat(mainHome.status()).isEqualTo(200);
            assertThat(mainHome.body())
                    .contains("data-testid=\"network-disabled-banner\"")
                    .doesNotContain("network-toggle");
            String menu = "/network/branches/" + shop.id();
            assertThat(manager.get(canopy.portal("dishead", menu + "/employees"))
                            .status())
                    .isEqualTo(404);
            assertThat(manager.get(canopy.portal("dishead", menu + "/disconnect"))
                            .status())
                    .isEqualTo(200);

            clock.advance(Duration.ofDays(10));
            manager.open(canopy.portal("dishead", "/settings/plan"));
            var back = manager.post(
                    canopy.portal("dishead", "/settings/plan/choose"), "plan", "ENTERPRISE", "months", "1");
            assertThat(back.status()).isEqualTo(302);

            assertThat(manager.open(canopy.portal("disshop", "/")).body()).contains("network-toggle");
            assertThat(manager.open(canopy.portal("dishead", "/")).body()).doesNotContain("-banner\"");
        }
        assertThat(network.portal(head.id()).networkDisabled()).isFalse();
        assertThat(network.portal(shop.id()).branch()).isTrue();
        assertThat(events(shop.id())).containsOnlyOnce(NetworkEvent.RESTORED);
        assertThat(records.notificationCount(shop.id(), "standing.enabled.branch"))
                .isEqualTo(1);
        clock.advance(Duration.ofDays(10));
        Eventually.quietPeriod();
        assertThat(network.portal(head.id()).blockedAt()).isNull();
    }

    @Test
    void disabledMainBlockedUntilBranchesDisconnect() throws Exception {
        long ann = people.person("Ann");
        long emil = people.person("Emil");
        long carl = people.person("Carl");
        Portal head = enterprise(ann, "Head", "blockhead", 1);
        Portal north = people.portal(ann, "Northern Outpost", "blocknorth");
        Portal south = people.portal(ann, "Southern Outpost", "blocksouth");
        people.join(head.id(), emil, "EMPLOYEE");
        plans.choose(north.id(), Plan.STANDARD, 12);
        plans.choose(south.id(), Plan.STANDARD, 12);
        network.connectAtOnce(ann, head.id(), north.id());
        network.connectAtOnce(ann, head.id(), south.id());
        Portal other = enterprise(carl, "Other", "otherhead", 12);
        Portal far = people.portal(carl, "Far", "farbranch");
        network.connectAtOnce(carl, other.id(), far.id());
        Instant paidUntil = plans.current(head.id()).paidUntil();

        clock.set(paidUntil.plus(Duration.ofMinutes(5)));
        Eventually.value(() -> network.portal(head.id()), NetworkPortal::networkDisabled);
        network.leave(ann, south.id());
        clock.set(paidUntil.plus(Duration.ofDays(15)).plus(Duration.ofMinutes(5)));
        NetworkPortal blocked = Eventually.value(() -> network.portal(head.id()), portal -> portal.blockedAt() != null);

        assertThat(blocked.blockedAt()).isNotNull();
        assertThat(events(head.id())).containsOnlyOnce(NetworkEvent.BLOCKED);
        assertThat(awaitNotifications(head.id(), "standing.mainBlocked.self")).isEqualTo(1);
        try (HttpBrowser employee = signedIn(emil);
                HttpBrowser manager = signedIn(ann)) {
            var employeePage = employee.open(canopy.portal("blockhead", "/"));
            assertThat(employeePage.status()).isEqualTo(403);
            assertThat(employeePage.body())
                    .contains("data-testid=\"blocked-page\"")
                    .contains("left the Enterprise plan")
                    .doesNotContain("Outpost");
            assertThat(manager.open(canopy.portal("blockhead", "/members")).status())
                    .isEqualTo(403);
            var settings = manager.open(canopy.portal("blockhead", "/settings/network"));
            assertThat(settings.status()).isEqualTo(200);
            assertThat(settings.body())
                    .contains("data-testid=\"disconnectable-branches\"")
                    .contains("Northern Outpost")
                    .doesNotContain("Southern Outpost");

            var foreign = manager.post(
                    canopy.portal("blockhead", "/settings/network/disconnect"), "branch", Long.toString(far.id()));
            assertThat(foreign.status()).isEqualTo(404);
            assertThat(network.portal(far.id()).branch()).isTrue();

            manager.open(canopy.portal("blockhead", "/settings/network"));
            var disconnected = manager.post(
                    canopy.portal("blockhead", "/settings/network/disconnect"), "branch", Long.toString(north.id()));
            assertThat(disconnected.status()).isEqualTo(302);
            assertThat(employee.open(canopy.portal("blockhead", "/")).status()).isEqualTo(200);
        }
        assertThat(network.portal(head.id()).inNetwork()).isFalse();
        assertThat(network.portal(head.id()).blockedAt()).isNull();
        assertThat(network.portal(north.id()).inNetwork()).isFalse();
    }

    @Test
    void blockedMainReturningToEnterpriseRestoresNetwork() {
        long ann = people.person("Ann");
        Portal head = enterprise(ann, "Head", "returnhead", 1);
        Portal shop = people.portal(ann, "Shop", "returnshop");
        plans.choose(shop.id(), Plan.STANDARD, 12);
        network.connectAtOnce(ann, head.id(), shop.id());
        Instant paidUntil = plans.current(head.id()).paidUntil();
        clock.set(paidUntil.plus(Duration.ofDays(15)).plus(Duration.ofMinutes(5)));
        Eventually.value(() -> network.portal(head.id()), portal -> portal.blockedAt() != null);

        plans.choose(head.id(), Plan.ENTERPRISE, 1);

        NetworkPortal main = network.portal(head.id());
        assertThat(main.networkDisabled()).isFalse();
        assertThat(main.blocked(clock.instant())).isFalse();
        assertThat(network.portal(shop.id()).branch()).isTrue();
        assertThat(network.mayLeave(network.portal(shop.id()))).isFalse();
        assertThat(events(head.id()))
                .containsOnlyOnce(NetworkEvent.DISABLED, NetworkEvent.BLOCKED, NetworkEvent.RESTORED);
        assertThat(records.notificationCount(head.id(), "standing.enabled.main"))
                .isEqualTo(1);
    }

    private Portal enterprise(long owner, String title, String name, int months) {
        Portal portal = people.portal(owner, title, name);
        plans.choose(portal.id(), Plan.ENTERPRISE, months);
        return portal;
    }

    private List<NetworkEvent> events(long portalId) {
        return network.log(portalId).stream().map(NetworkLogEntry::event).toList();
    }

    private long awaitNotifications(long portalId, String key) {
        return Eventually.value(() -> records.notificationCount(portalId, key), count -> count >= 1);
    }

    private long awaitMail(long portalId, String subject) {
        return Eventually.value(() -> records.mailCount(portalId, subject), count -> count >= 1);
    }

    private HttpBrowser signedIn(long personId) {
        HttpBrowser browser = new HttpBrowser();
        canopy.signIn(browser, people.email(personId));
        return browser;
    }
}
