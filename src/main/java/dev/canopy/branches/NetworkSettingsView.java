package dev.canopy.branches;

import java.util.List;

/**
 * What the Branch network settings page shows to a portal's administrators.
 *
 * @param mainTitle the title of the main portal when this portal is a branch
 * @param canLead whether this portal can connect and create branches (Enterprise and not a branch)
 * @param eligible portals the administrator also administers that could be connected at once
 * @param disconnectable the branches offered for disconnecting here, listed while the network is disabled and the
 *     widget's branch menu is gone
 */
public record NetworkSettingsView(
        NetworkPortal portal,
        String mainTitle,
        boolean mayLeave,
        boolean canLead,
        int branchCount,
        List<Option> eligible,
        List<Option> disconnectable,
        List<RequestRow> incoming,
        List<RequestRow> outgoing,
        String zoneSuffix,
        String notice) {

    /** A portal offered for connecting at once. */
    public record Option(long id, String title, String address) {}

    /** A pending request, seen from this portal. */
    public record RequestRow(long id, String otherTitle, String otherAddress, String kind, String expires) {}
}
