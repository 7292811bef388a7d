package dev.canopy.branches;

import dev.canopy.plans.Plan;

/**
 * A portal as the network module sees it: where it is, its plan, and its place in a network.
 *
 * @param networkId the network it belongs to, or null
 * @param main whether it is the main portal of that network
 * @param everInNetwork whether it was ever connected to a network, which takes away the free trial on connection
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
        boolean everInNetwork) {

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
}
