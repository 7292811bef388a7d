package dev.canopy.branches;

import dev.canopy.plans.PlanChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Follows branches' plans: a branch that falls to Free is suspended, and one that is back on a paid plan or a trial
 * is restored. Both sides' logs record it and both sides' administrators hear of it.
 */
@Component
class BranchStanding {

    private final Networks networks;
    private final NetworkLog networkLog;
    private final NetworkNotices notices;

    BranchStanding(Networks networks, NetworkLog networkLog, NetworkNotices notices) {
        this.networks = networks;
        this.networkLog = networkLog;
        this.notices = notices;
    }

    @EventListener
    void planChanged(PlanChanged change) {
        if (change.wasPaid() == change.isPaid()) {
            return;
        }
        var branch = networks.portal(change.portalId()).filter(NetworkPortal::branch);
        if (branch.isEmpty()) {
            return;
        }
        NetworkPortal main = networks.mainOf(branch.get().networkId()).orElseThrow();
        NetworkEvent event = change.isPaid() ? NetworkEvent.RESTORED : NetworkEvent.SUSPENDED;
        networkLog.record(branch.get().id(), event, main.title(), null);
        networkLog.record(main.id(), event, branch.get().title(), null);
        notices.tellAdministrators(branch.get().id(), event, main.title(), "");
        notices.tellAdministrators(main.id(), event, branch.get().title(), "");
    }
}
