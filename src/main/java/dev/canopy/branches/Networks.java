package dev.canopy.branches;

import dev.canopy.plans.Plan;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The networks table and the network columns of directory.portals. */
@Repository
class Networks {

    static final String PORTAL_COLUMNS = """
            p.id, p.title, p.name, p.zone, p.plan, p.trial_ends_at, p.network_id, p.ever_in_network,
            (n.main_portal_id = p.id) as is_main, p.suspended_at, p.blocked_at, n.disabled_at
            """;

    static final RowMapper<NetworkPortal> PORTAL = (rows, n) -> new NetworkPortal(
            rows.getLong("id"),
            rows.getString("title"),
            rows.getString("name"),
            rows.getString("zone"),
            Plan.valueOf(rows.getString("plan")),
            Plan.valueOf(rows.getString("plan")).paid(),
            (Long) rows.getObject("network_id", Long.class),
            rows.getBoolean("is_main"),
            rows.getBoolean("ever_in_network"),
            instant(rows.getObject("suspended_at", OffsetDateTime.class)),
            instant(rows.getObject("blocked_at", OffsetDateTime.class)),
            instant(rows.getObject("disabled_at", OffsetDateTime.class)));

    private final JdbcClient jdbc;

    Networks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<NetworkPortal> portal(long portalId) {
        return jdbc.sql(
                        "select " + PORTAL_COLUMNS
                                + " from directory.portals p left join directory.networks n on n.id = p.network_id where p.id = ?")
                .param(portalId)
                .query(PORTAL)
                .optional();
    }

    /**
     * Locks the portals' rows in id order, so two transactions touching the same pair cannot deadlock. Like the plan
     * lock it is {@code for no key update}, which does not block inserts whose foreign keys point at these portals.
     */
    void lock(long... portalIds) {
        long[] sorted = java.util.Arrays.stream(portalIds).sorted().toArray();
        for (long id : sorted) {
            jdbc.sql("select id from directory.portals where id = ? for no key update")
                    .param(id)
                    .query(Long.class)
                    .list();
        }
    }

    Optional<Long> networkOfMain(long mainPortalId) {
        return jdbc.sql("select id from directory.networks where main_portal_id = ?")
                .param(mainPortalId)
                .query(Long.class)
                .optional();
    }

    Optional<NetworkPortal> mainOf(long networkId) {
        return jdbc.sql(
                        "select " + PORTAL_COLUMNS
                                + " from directory.networks n join directory.portals p on p.id = n.main_portal_id where n.id = ?")
                .param(networkId)
                .query(PORTAL)
                .optional();
    }

    long create(long mainPortalId, String zone, Instant now) {
        long networkId = jdbc.sql(
                        "insert into directory.networks (main_portal_id, zone, created_at) values (?, ?, ?) returning id")
                .params(mainPortalId, zone, at(now))
                .query(Long.class)
                .single();
        attach(mainPortalId, networkId, now);
        return networkId;
    }

    void attach(long portalId, long networkId, Instant now) {
        jdbc.sql("update directory.portals set network_id = ?, ever_in_network = true, connected_at = ? where id = ?")
                .params(networkId, at(now), portalId)
                .update();
    }

    /** Takes a portal out of its network; outside a network nothing suspends or blocks it. */
    void detach(long portalId) {
        jdbc.sql("""
                        update directory.portals
                        set network_id = null, connected_at = null, suspended_at = null, blocked_at = null
                        where id = ?
                        """).param(portalId).update();
    }

    int branchCount(long networkId) {
        return jdbc.sql("""
                        select count(*) from directory.portals p join directory.networks n on n.id = p.network_id
                        where p.network_id = ? and p.id <> n.main_portal_id
                        """).param(networkId).query(Integer.class).single();
    }

    /** Ends a network that has no branches left; its main portal becomes an ordinary portal again. */
    void dissolve(long networkId) {
        jdbc.sql("""
                        update directory.portals
                        set network_id = null, connected_at = null, suspended_at = null, blocked_at = null
                        where network_id = ?
                        """).param(networkId).update();
        jdbc.sql("delete from directory.networks where id = ?").param(networkId).update();
    }

    /** Lists the network's portals where the person is an active member: the main portal first, then by title. */
    List<WidgetEntry> memberPortals(long networkId, long personId) {
        return jdbc
                .sql("select " + PORTAL_COLUMNS + """
                        , m.role
                        from directory.portals p
                        join directory.networks n on n.id = p.network_id
                        join directory.memberships m on m.portal_id = p.id and m.person_id = ? and m.state = 'ACTIVE'
                        where p.network_id = ?
                        """)
                .params(personId, networkId)
                .query((rows, n) -> new WidgetEntry(PORTAL.mapRow(rows, n), rows.getString("role")))
                .list()
                .stream()
                .sorted(Comparator.comparing(
                                (WidgetEntry entry) -> !entry.portal().main())
                        .thenComparing(entry -> entry.portal().title().toLowerCase())
                        .thenComparing(entry -> entry.portal().id()))
                .toList();
    }

    /**
     * Lists one page of a network manager's widget: the main portal, then the portals where the person is an active
     * member, then every other branch, each group by title. Reads one row more than the page holds, so the caller
     * knows whether another page follows without counting the whole network.
     */
    List<WidgetEntry> managerPage(long networkId, long personId, String search, int offset, int limit) {
        return jdbc.sql("select " + PORTAL_COLUMNS + """
                        , m.role
                        from directory.portals p
                        join directory.networks n on n.id = p.network_id
                        left join directory.memberships m
                          on m.portal_id = p.id and m.person_id = ? and m.state = 'ACTIVE'
                        where p.network_id = ? and (? = '' or lower(p.title) like ? or p.name like ?)
                        order by (p.id = n.main_portal_id) desc, (m.id is null), lower(p.title), p.id
                        offset ? limit ?
                        """)
                .params(personId, networkId, search, like(search), like(search), offset, limit + 1)
                .query((rows, n) -> new WidgetEntry(PORTAL.mapRow(rows, n), rows.getString("role")))
                .list();
    }

    /** Counts the network's portals where the person is an active member. */
    int memberPortalCount(long networkId, long personId) {
        return jdbc.sql("""
                        select count(*) from directory.memberships m join directory.portals p on p.id = m.portal_id
                        where m.person_id = ? and m.state = 'ACTIVE' and p.network_id = ?
                        """).params(personId, networkId).query(Integer.class).single();
    }

    private static String like(String search) {
        String escaped =
                search.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    void suspend(long portalId, Instant at) {
        jdbc.sql("update directory.portals set suspended_at = ? where id = ?")
                .params(at(at), portalId)
                .update();
    }

    /** Clears a portal's suspension and block. */
    void restore(long portalId) {
        jdbc.sql("update directory.portals set suspended_at = null, blocked_at = null where id = ?")
                .param(portalId)
                .update();
    }

    void block(long portalId, Instant at) {
        jdbc.sql("update directory.portals set blocked_at = ? where id = ?")
                .params(at(at), portalId)
                .update();
    }

    void disable(long networkId, Instant at) {
        jdbc.sql("update directory.networks set disabled_at = ? where id = ?")
                .params(at(at), networkId)
                .update();
    }

    void enable(long networkId) {
        jdbc.sql("update directory.networks set disabled_at = null where id = ?")
                .param(networkId)
                .update();
    }

    /** Lists the network's branches, without its main portal. */
    List<NetworkPortal> branches(long networkId) {
        return jdbc.sql("select " + PORTAL_COLUMNS + """
                        from directory.portals p join directory.networks n on n.id = p.network_id
                        where p.network_id = ? and p.id <> n.main_portal_id
                        order by p.id
                        """)
                .param(networkId)
                .query(PORTAL)
                .list();
    }

    /**
     * Lists the portals whose 15 days have passed without a block recorded: suspended branches and main portals of
     * disabled networks. The caller checks each again under its row lock.
     */
    List<Long> dueForBlocking(Instant now) {
        Instant since = now.minus(NetworkPortal.GRACE);
        return jdbc.sql("""
                        select p.id from directory.portals p
                        where p.blocked_at is null and p.network_id is not null and p.suspended_at <= ?
                        union
                        select n.main_portal_id from directory.networks n join directory.portals p on p.id = n.main_portal_id
                        where p.blocked_at is null and n.disabled_at <= ?
                        order by 1
                        """).params(at(since), at(since)).query(Long.class).list();
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
