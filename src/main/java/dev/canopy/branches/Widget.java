package dev.canopy.branches;

import dev.canopy.directory.PortalDirectory;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The network widget: shown on a portal of a network to people who can see at least one other portal of it there,
 * that is network managers and active members of several of its portals.
 */
@Service
public class Widget {

    static final int PAGE_SIZE = 20;

    private final Networks networks;
    private final PortalDirectory directory;
    private final Clock clock;

    Widget(Networks networks, PortalDirectory directory, Clock clock) {
        this.networks = networks;
        this.directory = directory;
        this.clock = clock;
    }

    /** Returns who the person is in the portal's network, or empty when the widget is not theirs to see. */
    public Optional<Access> access(long portalId, long personId) {
        var portal =
                networks.portal(portalId).filter(NetworkPortal::inNetwork).filter(found -> !found.networkDisabled());
        if (portal.isEmpty()) {
            return Optional.empty();
        }
        NetworkPortal main = networks.mainOf(portal.get().networkId()).orElseThrow();
        boolean manager = directory.isActiveAdministrator(main.id(), personId);
        if (!manager && networks.memberPortalCount(portal.get().networkId(), personId) < 2) {
            return Optional.empty();
        }
        return Optional.of(new Access(portal.get().networkId(), main, manager));
    }

    /**
     * Builds the widget's content. Network managers get one page of the whole network and a search. Anyone else
     * gets every portal of the network where they are an active member.
     */
    public WidgetView view(long currentPortalId, long personId, Access access, String search, int page) {
        String query = search == null ? "" : search.strip().toLowerCase();
        int safePage = Math.max(1, page);
        if (!access.manager()) {
            List<WidgetView.Row> rows = networks.memberPortals(access.networkId(), personId).stream()
                    .map(entry -> row(entry.portal(), entry.role(), currentPortalId, access))
                    .toList();
            return new WidgetView(rows, false, "", 1, false, menuBase(access));
        }
        List<WidgetEntry> entries =
                networks.managerPage(access.networkId(), personId, query, (safePage - 1) * PAGE_SIZE, PAGE_SIZE);
        boolean more = entries.size() > PAGE_SIZE;
        List<WidgetView.Row> rows = entries.stream()
                .limit(PAGE_SIZE)
                .map(entry -> row(entry.portal(), entry.role(), currentPortalId, access))
                .toList();
        return new WidgetView(rows, true, search == null ? "" : search.strip(), safePage, more, menuBase(access));
    }

    private String menuBase(Access access) {
        return directory.url(portalOf(access.main()), "/network/branches/");
    }

    private WidgetView.Row row(NetworkPortal portal, String role, long currentPortalId, Access access) {
        var directoryPortal = portalOf(portal);
        String standing = portal.blocked(clock.instant()) ? "blocked" : portal.suspended() ? "suspended" : null;
        return new WidgetView.Row(
                portal.id(),
                portal.title(),
                directory.host(directoryPortal),
                directory.url(directoryPortal, "/"),
                role,
                portal.id() == currentPortalId,
                portal.main(),
                standing,
                access.manager() && portal.branch());
    }

    private static boolean matches(NetworkPortal portal, String query) {
        return portal.title().toLowerCase().contains(query) || portal.name().contains(query);
    }

    private static dev.canopy.directory.Portal portalOf(NetworkPortal portal) {
        return new dev.canopy.directory.Portal(portal.id(), portal.title(), portal.name(), portal.zone());
    }

    /**
     * The person's place in a network.
     *
     * @param manager whether the person is an active administrator of the main portal
     */
    public record Access(long networkId, NetworkPortal main, boolean manager) {}
}
