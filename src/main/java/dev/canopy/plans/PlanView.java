package dev.canopy.plans;

import java.util.List;

/** What the Plan page shows. */
public record PlanView(PortalPlan plan, int activeMembers, boolean administrator, String notice) {

    public List<Plan> plans() {
        return List.of(Plan.values());
    }

    public List<Integer> periods() {
        return Plan.PERIODS;
    }

    public List<Integer> enterpriseLimits() {
        return Plan.ENTERPRISE_LIMITS;
    }

    public boolean overLimit() {
        return plan.memberLimit() != null && activeMembers > plan.memberLimit();
    }
}
