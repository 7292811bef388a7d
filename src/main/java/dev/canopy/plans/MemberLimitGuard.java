package dev.canopy.plans;

import dev.canopy.directory.MemberActivationGuard;
import org.springframework.stereotype.Component;

/** Enforces the plan's member limit whenever a member of a portal would become active. */
@Component
class MemberLimitGuard implements MemberActivationGuard {

    private final Plans plans;

    MemberLimitGuard(Plans plans) {
        this.plans = plans;
    }

    @Override
    public void checkActivation(long portalId) {
        plans.ensureRoomForActivation(portalId);
    }
}
