package dev.canopy.branches;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the widget shows: the network's portals in the order of the rules (the main portal, the person's other
 * portals, then for network managers every other branch), one page at a time for network managers.
 *
 * @param hasNext whether another page follows
 * @param menuBase the address on the main portal that the branch menu's pages start with
 */
public record WidgetView(List<Row> rows, boolean manager, String search, int page, boolean hasNext, String menuBase) {

    /** The main portal's Branch network settings page. */
    public String settingsUrl() {
        return menuBase.replace("/network/branches/", "/settings/network");
    }

    public boolean hasPrevious() {
        return page > 1;
    }

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
