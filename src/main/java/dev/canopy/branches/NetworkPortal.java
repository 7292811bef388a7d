package dev.canopy.branches;

import dev.canopy.plans.Plan;
import java.time.Duration;
import java.time.Instant;

/**
 * A portal as the network module sees it: where it is, its plan, and its place in a network.
 *
 * @param networkId the network it belongs to, or null
 * @param main whether it is the main portal of that network
 * @param everInNetwork whether it was ever connected to a network, which takes away the free trial on connection
 * @param suspendedAt when this branch fell to Free, or null
 * @param blockedAt when this portal was blocked, or null
 * @param networkDisabledAt when the main portal of its network fell from Enterprise, or null
 */
public record NetworkPortal(
        long id,
        String title,
        String name,
        String zone,
        Plan plan,
        boolean paid,
        Long networkId,
        boolean main,
        boolean everInNetwork,
        Instant suspendedAt,
        Instant blockedAt,
        Instant networkDisabledAt) {

    /** How long a suspended branch, or the main portal of a disabled network, has before it is blocked. */
    public static final Duration GRACE = Duration.ofDays(15);

    public boolean inNetwork() {
        return networkId != null;
    }

    public boolean branch() {
        return networkId != null && !main;
    }

    /** A branch on Free is suspended: it stays in the network and works, and shows red in the widget. */
    public boolean suspended() {
        return branch() && !paid;
    }

    /** Whether the network's main portal fell from Enterprise, which hides the widget and lets branches leave. */
    public boolean networkDisabled() {
        return networkDisabledAt != null;
    }

    /**
     * The instant this portal is blocked at, if nothing changes before: 15 days after a branch was suspended, or 15
     * days after the main portal disabled its network. Null when no such deadline runs.
     */
    public Instant blockingAt() {
        if (suspended() && suspendedAt != null) {
            return suspendedAt.plus(GRACE);
        }
        if (main && networkDisabledAt != null) {
            return networkDisabledAt.plus(GRACE);
        }
        return null;
    }

    /**
     * Whether the portal is blocked at the given instant. A deadline that has passed counts even before the sweep
     * records it, so that pages never let a portal past its deadline.
     */
    public boolean blocked(Instant now) {
        Instant deadline = blockingAt();
        return blockedAt != null || (deadline != null && !now.isBefore(deadline));
    }
}
