package dev.canopy.branches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.directory.Accounts;
import dev.canopy.directory.Portal;
import dev.canopy.directory.PortalCreation;
import dev.canopy.mail.Mailer;
import dev.canopy.plans.Plan;
import dev.canopy.plans.Plans;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.People;
import dev.canopy.support.TestClock;
import dev.canopy.tenancy.PortalScope;
import dev.canopy.web.NotFoundException;
import dev.canopy.web.Refusal;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@CanopyTest
class BranchNetworkIntegrationTest {

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
    TestClock clock;

    @Autowired
    Mailer mailer;

    @Autowired
    PortalScope portalScope;

    People people;

    @BeforeEach
    void setUp() {
        people = new People(accounts, portalCreation, jdbc);
    }

    @Test
    void administratorOfBothConnectsFreePortalAtOnceWithNetworkTrial() {
        long ann = people.person("Ann");
        Portal head = enterprise(ann, "Head Office", "head");
        Portal shop = people.portal(ann, "Shop", "shop");

        network.connectAtOnce(ann, head.id(), shop.id());

        NetworkPortal branch = network.portal(shop.id());
        assertThat(branch.branch()).isTrue();
        assertThat(network.portal(head.id()).main()).isTrue();
        var plan = plans.current(shop.id());
        assertThat(plan.plan()).isEqualTo(Plan.PROFESSIONAL);
        assertThat(plan.trialEndsAt()).isEqualTo(clock.instant().plus(Duration.ofDays(15)));
        assertThat(plan.ownTrialUsed()).isFalse();
        assertThat(events(shop.id())).contains(NetworkEvent.CONNECTED);
        assertThat(events(head.id())).contains(NetworkEvent.CONNECTED);
        assertThat(mailSubjects(shop.id())).anyMatch(subject -> subject.contains("now connected"));
        assertThat(bell(shop.id())).contains("notification.network.CONNECTED");
        assertThat(bell(head.id())).contains("notification.network.CONNECTED");
    }

    @Test
    void refusesMainPortalThatIsNotOnEnterprise() {
        long ann = people.person("Ann");
        Portal head = people.portal(ann, "Head", "notent");
        Portal shop = people.portal(ann, "Shop", "notentshop");

        assertRefused(() -> network.connectAtOnce(ann, head.id(), shop.id()), "network.refused.notEnterprise");
        assertThat(network.portal(shop.id()).inNetwork()).isFalse();
    }

    @Test
    void refusesPortalOfAnotherZone() {
        long ann = people.person("Ann");
        Portal head = enterprise(ann, "Head", "zonehead");
        Portal shop = people.portal(ann, "Shop", "zoneshop", "eu");

        assertRefused(() -> network.connectAtOnce(ann, head.id(), shop.id()), "network.refused.otherZone");
    }

    @Test
    void portalInOneNetworkCannotJoinAnother() {
        long ann = people.person("Ann");
        Portal first = enterprise(ann, "First", "firstnet");
        Portal second = enterprise(ann, "Second", "secondnet");
        Portal shop = people.portal(ann, "Shop", "onenet");
        network.connectAtOnce(ann, first.id(), shop.id());

        assertRefused(() -> network.connectAtOnce(ann, second.id(), shop.id()), "network.refused.alreadyInNetwork");
        assertRefused(() -> network.connectAtOnce(ann, second.id(), first.id()), "network.refused.alreadyInNetwork");
    }

    @Test
    void formerMemberOnFreeMustMoveToPaidPlanFirst() {
        long ann = people.person("Ann");
        Portal head = enterprise(ann, "Head", "formerhead");
        Portal shop = people.portal(ann, "Shop", "formershop");
        network.connectAtOnce(ann, head.id(), shop.id());
        network.disconnect(ann, head.id(), shop.id());
        plans.choose(shop.id(), Plan.FREE, 0);

        assertRefused(() -> network.connectAtOnce(ann, head.id(), shop.id()), "network.refused.wasInNetworkFree");

        plans.choose(shop.id(), Plan.BASIC, 1);
        network.connectAtOnce(ann, head.id(), shop.id());
        assertThat(plans.current(shop.id()).plan()).isEqualTo(Plan.BASIC);
        assertThat(network.portal(shop.id()).branch()).isTrue();
    }

    @Test
    void refusalReasonIsHiddenFromThoseWhoDoNotAdministerTheConcernedPortal() {
        long ann = people.person("Ann");
        long bob = people.person("Bob");
        Portal head = enterprise(ann, "Head", "hiddenhead");
        Portal other = enterprise(bob, "Other", "hiddenother");
        Portal shop = people.portal(bob, "Shop", "hiddenshop");
        network.connectAtOnce(bob, other.id(), shop.id());

        assertRefused(() -> network.invite(ann, head.id(), shop.id()), "network.refused.generic");
        assertRefused(() -> network.askToJoin(bob, shop.id(), head.id()), "network.refused.alreadyInNetwork");
    }

    @Test
    void requestAcceptedByBranchAdministratorConnectsOnceAndCannotBeReplayed() {
        long ann = people.person("Ann");
        long bob = people.person("Bob");
        long eve = people.person("Eve");
        Portal head = enterprise(ann, "Head", "reqhead");
        Portal shop = people.portal(bob, "Shop", "reqshop");
        people.join(shop.id(), eve, "EMPLOYEE");

        NetworkRequest request = network.invite(ann, head.id(), shop.id());

        assertRefused(() -> network.accept(ann, head.id(), request.id()), "network.request.notYours");
        assertRefused(() -> network.accept(eve, shop.id(), request.id()), "network.notAdministrator");
        network.accept(bob, shop.id(), request.id());
        assertThat(network.portal(shop.id()).branch()).isTrue();
        assertRefused(() -> network.accept(bob, shop.id(), request.id()), "network.request.answered");
        assertRefused(() -> network.decline(bob, shop.id(), request.id()), "network.request.answered");
        assertThat(events(shop.id()))
                .contains(NetworkEvent.REQUEST_RECEIVED, NetworkEvent.REQUEST_ACCEPTED, NetworkEvent.CONNECTED);
        assertThat(events(head.id())).contains(NetworkEvent.REQUEST_SENT, NetworkEvent.REQUEST_ACCEPTED);
    }

    @Test
    void requestOfAnotherPortalIsNotFound() {
        long ann = people.person("Ann");
        long bob = people.person("Bob");
        long cid = people.person("Cid");
        Portal head = enterprise(ann, "Head", "nfhead");
        Portal shop = people.portal(bob, "Shop", "nfshop");
        Portal stranger = people.portal(cid, "Stranger", "nfstranger");
        NetworkRequest request = network.invite(ann, head.id(), shop.id());

        assertThatThrownBy(() -> network.accept(cid, stranger.id(), request.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> network.withdraw(cid, stranger.id(), request.id()))
                .isInstanceOf(NotFoundException.class);
        assertThat(network.pendingRequests(shop.id())).hasSize(1);
    }

    @Test
    void branchAsksMainPortalWhichDeclines() {
        long ann = people.person("Ann");
        long bob = people.person("Bob");
        Portal head = enterprise(ann, "Head", "askhead");
        Portal shop = people.portal(bob, "Shop", "askshop");

        NetworkRequest request = network.askToJoin(bob, shop.id(), head.id());
        network.decline(ann, head.id(), request.id());

        assertThat(network.portal(shop.id()).inNetwork()).isFalse();
        assertThat(events(shop.id())).contains(NetworkEvent.REQUEST_DECLINED);
        assertThat(mailSubjects(shop.id())).anyMatch(subject -> subject.contains("declined"));
    }

    @Test
    void requesterWithdrawsAndRequestCannotBeAcceptedAfterwards() {
        long ann = people.person("Ann");
        long bob = people.person("Bob");
        Portal head = enterprise(ann, "Head", "wdhead");
        Portal shop = people.portal(bob, "Shop", "wdshop");
        NetworkRequest request = network.invite(ann, head.id(), shop.id());

        assertRefused(() -> network.withdraw(bob, shop.id(), request.id()), "network.request.notYours");
        network.withdraw(ann, head.id(), request.id());

        assertRefused(() -> network.accept(bob, shop.id(), request.id()), "network.request.answered");
        assertThat(events(shop.id())).contains(NetworkEvent.REQUEST_WITHDRAWN);
    }

    @Test
    void requestExpiresAfterSevenDaysOnTheScheduler() throws Exception {
        long ann = people.person("Ann");
        long bob = people.person("Bob");
        Portal head = enterprise(ann, "Head", "exphead");
        Portal shop = people.portal(bob, "Shop", "expshop");
        NetworkRequest request = network.invite(ann, head.id(), shop.id());

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        String state = "PENDING";
        for (int i = 0; i < 100 && state.equals("PENDING"); i++) {
            Thread.sleep(100);
            state = jdbc.sql("select state from directory.network_requests where id = ?")
                    .param(request.id())
                    .query(String.class)
                    .single();
        }

        assertThat(state).isEqualTo("EXPIRED");
        assertThat(events(shop.id())).contains(NetworkEvent.REQUEST_EXPIRED);
        assertThat(events(head.id())).contains(NetworkEvent.REQUEST_EXPIRED);
        assertRefused(() -> network.accept(bob, shop.id(), request.id()), "network.request.expired");
    }

    @Test
    void disconnectLeavesBranchIndependentAndDissolvesEmptyNetwork() {
        long ann = people.person("Ann");
        long bob = people.person("Bob");
        Portal head = enterprise(ann, "Head", "dischead");
        Portal shop = people.portal(bob, "Shop", "discshop");
        network.accept(bob, shop.id(), network.invite(ann, head.id(), shop.id()).id());

        assertThatThrownBy(() -> network.disconnect(bob, shop.id(), head.id())).isInstanceOf(NotFoundException.class);
        assertRefused(() -> network.disconnect(bob, head.id(), shop.id()), "network.notAdministrator");
        network.disconnect(ann, head.id(), shop.id());

        assertThat(network.portal(shop.id()).inNetwork()).isFalse();
        assertThat(network.portal(head.id()).inNetwork()).isFalse();
        assertThat(plans.current(shop.id()).plan()).isEqualTo(Plan.PROFESSIONAL);
        assertThat(events(shop.id())).contains(NetworkEvent.DISCONNECTED);
        assertThat(mailSubjects(shop.id())).anyMatch(subject -> subject.contains("disconnected"));
        assertThat(mailSubjects(head.id())).anyMatch(subject -> subject.contains("disconnected"));
    }

    @Test
    void branchOnFreeIsSuspendedMayLeaveAndIsRestoredByPaidPlan() {
        long ann = people.person("Ann");
        long bob = people.person("Bob");
        Portal head = enterprise(ann, "Head", "susphead");
        Portal shop = people.portal(bob, "Shop", "suspshop");
        Portal other = people.portal(bob, "Other", "suspother");
        network.accept(bob, shop.id(), network.invite(ann, head.id(), shop.id()).id());
        network.accept(
                bob, other.id(), network.invite(ann, head.id(), other.id()).id());

        assertRefused(() -> network.leave(bob, shop.id()), "network.leave.notAllowed");
        plans.choose(shop.id(), Plan.FREE, 0);
        plans.choose(other.id(), Plan.FREE, 0);

        assertThat(network.portal(shop.id()).suspended()).isTrue();
        assertThat(events(head.id())).contains(NetworkEvent.SUSPENDED);
        plans.startTrial(other.id());
        assertThat(network.portal(other.id()).suspended()).isFalse();
        assertThat(events(other.id())).contains(NetworkEvent.SUSPENDED, NetworkEvent.RESTORED);
        network.leave(bob, shop.id());
        assertThat(network.portal(shop.id()).inNetwork()).isFalse();
        assertThat(events(head.id())).contains(NetworkEvent.LEFT);
    }

    @Test
    void mainPortalStaysOnEnterpriseWhileItHasBranches() {
        long ann = people.person("Ann");
        Portal head = enterprise(ann, "Head", "lockhead");
        Portal shop = people.portal(ann, "Shop", "lockshop");
        network.connectAtOnce(ann, head.id(), shop.id());

        assertRefused(() -> plans.choose(head.id(), Plan.PROFESSIONAL, 1), "network.plan.locked");
        assertRefused(() -> plans.choose(head.id(), Plan.FREE, 0), "network.plan.locked");
        plans.extend(head.id(), 12);
        plans.choose(head.id(), Plan.ENTERPRISE, 3);

        network.disconnect(ann, head.id(), shop.id());
        plans.choose(head.id(), Plan.FREE, 0);
        assertThat(plans.current(head.id()).plan()).isEqualTo(Plan.FREE);
    }

    @Test
    void createdBranchStartsInTrialWithCreatorAsAdministrator() {
        long ann = people.person("Ann");
        Portal head = enterprise(ann, "Head", "createhead");

        Portal created = network.createBranch(ann, head.id(), "New Shop", "newshop", null);

        assertThat(network.portal(created.id()).branch()).isTrue();
        assertThat(plans.current(created.id()).inTrial()).isTrue();
        String role = jdbc.sql("select role from directory.memberships where portal_id = ? and person_id = ?")
                .params(created.id(), ann)
                .query(String.class)
                .single();
        assertThat(role).isEqualTo("ADMINISTRATOR");
        assertRefused(() -> network.createBranch(ann, head.id(), "Dup", "newshop", null), "address.taken");
    }

    private Portal enterprise(long owner, String title, String name) {
        Portal portal = people.portal(owner, title, name);
        plans.choose(portal.id(), Plan.ENTERPRISE, 12);
        return portal;
    }

    private List<NetworkEvent> events(long portalId) {
        return network.log(portalId).stream().map(NetworkLogEntry::event).toList();
    }

    private List<String> bell(long portalId) {
        return portalScope.callAs(
                portalId,
                () -> jdbc.sql("select message_key from portal.notifications")
                        .query(String.class)
                        .list());
    }

    private List<String> mailSubjects(long portalId) {
        return mailer.portalMail(portalId, 100).stream()
                .map(Mailer.StoredMail::subject)
                .toList();
    }

    private static void assertRefused(ThrowingCallable call, String messageKey) {
        assertThatThrownBy(call)
                .isInstanceOf(Refusal.class)
                .extracting(refusal -> ((Refusal) refusal).messageKey())
                .isEqualTo(messageKey);
    }
}
