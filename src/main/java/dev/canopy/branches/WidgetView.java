package dev.canopy.branches;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the widget shows: the person's portals in the network, then for network managers one page of the other
 * branches.
 *
 * @param menuBase the address on the main portal that the branch menu's pages start with
 */
public record WidgetView(
        List<Row> memberPortals,
        List<Row> otherBranches,
        boolean manager,
        String search,
        int page,
        int pages,
        String menuBase) {

    /** Returns the search encoded for the query string of the pager's links, so "R&D" stays one value. */
    public String encodedSearch() {
        return URLEncoder.encode(search, StandardCharsets.UTF_8);
    }

    /**
     * One portal in the widget.
     *
     * @param role the person's role there, or null when they are not a member
     * @param standing "suspended" or "blocked" for a branch in trouble, shown in red; null otherwise
     * @param menu whether the branch menu is offered
     */
    public record Row(
            long portalId,
            String title,
            String address,
            String url,
            String role,
            boolean current,
            boolean main,
            String standing,
            boolean menu) {}
}
