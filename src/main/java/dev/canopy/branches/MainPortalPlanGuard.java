package dev.canopy.branches;

import dev.canopy.plans.Plan;
import dev.canopy.plans.PlanChangeGuard;
import dev.canopy.web.Refusal;
import org.springframework.stereotype.Component;

/** Keeps a main portal on Enterprise while it has branches; extending Enterprise stays allowed. */
@Component
class MainPortalPlanGuard implements PlanChangeGuard {

    private final Networks networks;

    MainPortalPlanGuard(Networks networks) {
        this.networks = networks;
    }

    @Override
    public void checkChange(long portalId, Plan from, Plan to) {
        if (to == Plan.ENTERPRISE) {
            return;
        }
        var network = networks.networkOfMain(portalId);
        if (network.isPresent() && networks.branchCount(network.get()) > 0) {
            throw new Refusal("plan", "network.plan.locked");
        }
    }
}
