package dev.canopy.branches;

import dev.canopy.tenancy.PortalScope;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each portal's log of network events, kept in the portal's own schema rows. */
@Repository
class NetworkLog {

    private final JdbcClient jdbc;
    private final PortalScope portalScope;
    private final Clock clock;

    NetworkLog(JdbcClient jdbc, PortalScope portalScope, Clock clock) {
        this.jdbc = jdbc;
        this.portalScope = portalScope;
        this.clock = clock;
    }

    void record(long portalId, NetworkEvent event, String otherPortal, String actor) {
        portalScope.runAs(
                portalId,
                () -> jdbc.sql("""
                        insert into portal.network_log (portal_id, event, other_portal, actor, created_at)
                        values (?, ?, ?, ?, ?)
                        """)
                        .params(portalId, event.name(), otherPortal, actor, Networks.at(clock.instant()))
                        .update());
    }

    /** Lists the portal's entries, newest first. */
    List<NetworkLogEntry> entries(long portalId, int limit) {
        return portalScope.callAs(
                portalId,
                () -> jdbc.sql("""
                        select event, other_portal, actor, created_at from portal.network_log
                        order by created_at desc, id desc limit ?
                        """)
                        .param(limit)
                        .query((rows, n) -> new NetworkLogEntry(
                                NetworkEvent.valueOf(rows.getString("event")),
                                rows.getString("other_portal"),
                                rows.getString("actor"),
                                rows.getObject("created_at", OffsetDateTime.class)
                                        .toInstant()))
                        .list());
    }
}
