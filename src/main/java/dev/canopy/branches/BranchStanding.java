package dev.canopy.branches;

import dev.canopy.plans.Plan;
import dev.canopy.plans.PlanChanged;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Follows the plans of a network's portals. A branch that falls to Free is suspended and one back on a paid plan or
 * a trial is restored. A main portal that falls from Enterprise disables its network, and its return to Enterprise
 * restores it. Every change runs in the transaction of the plan change, writes the logs of the portals concerned and
 * notifies their administrators.
 */
@Component
class BranchStanding {

    static final DateTimeFormatter DATES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(BranchStanding.class);

    private final Networks networks;
    private final NetworkLog networkLog;
    private final NetworkNotices notices;
    private final Clock clock;

    BranchStanding(Networks networks, NetworkLog networkLog, NetworkNotices notices, Clock clock) {
        this.networks = networks;
        this.networkLog = networkLog;
        this.notices = notices;
        this.clock = clock;
    }

    @EventListener
    void planChanged(PlanChanged change) {
        var portal = networks.portal(change.portalId()).filter(NetworkPortal::inNetwork);
        if (portal.isEmpty()) {
            return;
        }
        if (portal.get().main()) {
            mainPlanChanged(portal.get(), change);
        } else if (change.wasPaid() != change.isPaid()) {
            branchPlanChanged(portal.get(), change);
        }
    }

    private void branchPlanChanged(NetworkPortal branch, PlanChanged change) {
        NetworkPortal main = networks.mainOf(branch.networkId()).orElseThrow();
        if (change.isPaid()) {
            boolean wasBlocked = branch.blockedAt() != null;
            networks.restore(branch.id());
            networkLog.record(branch.id(), NetworkEvent.RESTORED, main.title(), null);
            networkLog.record(main.id(), NetworkEvent.RESTORED, branch.title(), null);
            notices.tellStanding(branch.id(), "standing.restored.self", List.of(), "/settings/network");
            notices.tellStanding(main.id(), "standing.restored.main", List.of(branch.title()), "/settings/network");
            log.info(
                    "Branch {} is back in good standing (it was {})",
                    branch.id(),
                    wasBlocked ? "blocked" : "suspended");
            return;
        }
        networks.suspend(branch.id(), change.at());
        networkLog.record(branch.id(), NetworkEvent.SUSPENDED, main.title(), null);
        networkLog.record(main.id(), NetworkEvent.SUSPENDED, branch.title(), null);
        String deadline = DATES.format(change.at().plus(NetworkPortal.GRACE));
        notices.tellStanding(branch.id(), "standing.suspended.self", List.of(deadline), "/settings/plan");
        notices.tellStanding(main.id(), "standing.suspended.main", List.of(branch.title()), "/settings/network");
        log.info("Branch {} fell to Free and is suspended until {}", branch.id(), deadline);
        if (!clock.instant().isBefore(change.at().plus(NetworkPortal.GRACE))) {
            blockBranch(networks.portal(branch.id()).orElseThrow(), main);
        }
    }

    private void mainPlanChanged(NetworkPortal main, PlanChanged change) {
        boolean enterprise = change.to() == Plan.ENTERPRISE;
        if (enterprise && main.networkDisabled()) {
            enableNetwork(main);
        } else if (!enterprise && change.from() == Plan.ENTERPRISE && !main.networkDisabled()) {
            disableNetwork(main, change);
        }
    }

    private void disableNetwork(NetworkPortal main, PlanChanged change) {
        networks.disable(main.networkId(), change.at());
        String deadline = DATES.format(change.at().plus(NetworkPortal.GRACE));
        networkLog.record(main.id(), NetworkEvent.DISABLED, main.title(), null);
        notices.tellStanding(main.id(), "standing.disabled.main", List.of(deadline), "/settings/plan");
        for (NetworkPortal branch : networks.branches(main.networkId())) {
            networkLog.record(branch.id(), NetworkEvent.DISABLED, main.title(), null);
            notices.tellStanding(branch.id(), "standing.disabled.branch", List.of(main.title()), "/settings/network");
        }
        log.info("Network {} is disabled because main portal {} left Enterprise", main.networkId(), main.id());
        if (!clock.instant().isBefore(change.at().plus(NetworkPortal.GRACE))) {
            blockMain(networks.portal(main.id()).orElseThrow());
        }
    }

    private void enableNetwork(NetworkPortal main) {
        networks.enable(main.networkId());
        networks.restore(main.id());
        networkLog.record(main.id(), NetworkEvent.RESTORED, main.title(), null);
        notices.tellStanding(main.id(), "standing.enabled.main", List.of(), "/settings/network");
        for (NetworkPortal branch : networks.branches(main.networkId())) {
            networkLog.record(branch.id(), NetworkEvent.RESTORED, main.title(), null);
            notices.tellStanding(branch.id(), "standing.enabled.branch", List.of(main.title()), "/settings/network");
        }
        log.info("Network {} is restored because main portal {} is back on Enterprise", main.networkId(), main.id());
    }

    /** Blocks a branch that stayed suspended for 15 days; the caller holds its row lock. */
    void blockBranch(NetworkPortal branch, NetworkPortal main) {
        networks.block(branch.id(), clock.instant());
        networkLog.record(branch.id(), NetworkEvent.BLOCKED, main.title(), null);
        networkLog.record(main.id(), NetworkEvent.BLOCKED, branch.title(), null);
        notices.tellStanding(branch.id(), "standing.blocked.self", List.of(), "/settings/plan");
        notices.tellStanding(main.id(), "standing.blocked.main", List.of(branch.title()), "/settings/network");
        log.info("Branch {} is blocked after 15 days on Free", branch.id());
    }

    /** Blocks a main portal whose network stayed disabled for 15 days; the caller holds its row lock. */
    void blockMain(NetworkPortal main) {
        networks.block(main.id(), clock.instant());
        networkLog.record(main.id(), NetworkEvent.BLOCKED, main.title(), null);
        notices.tellStanding(main.id(), "standing.mainBlocked.self", List.of(), "/settings/network");
        log.info("Main portal {} is blocked after 15 days off Enterprise", main.id());
    }
}
