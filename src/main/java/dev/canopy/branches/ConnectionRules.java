package dev.canopy.branches;

import dev.canopy.plans.Plan;
import java.util.Optional;

/** The rules a main portal and a branch must meet to be connected, checked on sending, connecting and accepting. */
final class ConnectionRules {

    private ConnectionRules() {}

    static Optional<RuleBreak> check(NetworkPortal main, NetworkPortal branch) {
        if (main.id() == branch.id()) {
            return Optional.of(new RuleBreak("network.refused.self", main.id()));
        }
        if (main.plan() != Plan.ENTERPRISE) {
            return Optional.of(new RuleBreak("network.refused.notEnterprise", main.id()));
        }
        if (main.branch()) {
            return Optional.of(new RuleBreak("network.refused.mainIsBranch", main.id()));
        }
        if (!main.zone().equals(branch.zone())) {
            return Optional.of(new RuleBreak("network.refused.otherZone", branch.id()));
        }
        if (branch.inNetwork()) {
            return Optional.of(new RuleBreak("network.refused.alreadyInNetwork", branch.id()));
        }
        if (!branch.paid() && branch.everInNetwork()) {
            return Optional.of(new RuleBreak("network.refused.wasInNetworkFree", branch.id()));
        }
        return Optional.empty();
    }
}
