package dev.canopy.branches;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Connection requests; every query names a portal or a request id checked against one. */
@Repository
class NetworkRequests {

    private static final RowMapper<NetworkRequest> REQUEST = (rows, n) -> new NetworkRequest(
            rows.getLong("id"),
            rows.getLong("main_portal_id"),
            rows.getLong("branch_portal_id"),
            NetworkRequest.Direction.valueOf(rows.getString("direction")),
            NetworkRequest.State.valueOf(rows.getString("state")),
            rows.getLong("requested_by"),
            rows.getObject("created_at", OffsetDateTime.class).toInstant(),
            rows.getObject("expires_at", OffsetDateTime.class).toInstant());

    private final JdbcClient jdbc;

    NetworkRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Finds a request one of whose sides is the given portal; any other request is as good as missing. */
    Optional<NetworkRequest> findFor(long requestId, long portalId) {
        return jdbc.sql(
                        "select * from directory.network_requests where id = ? and (main_portal_id = ? or branch_portal_id = ?)")
                .params(requestId, portalId, portalId)
                .query(REQUEST)
                .optional();
    }

    Optional<NetworkRequest> lock(long requestId) {
        return jdbc.sql("select * from directory.network_requests where id = ? for update")
                .param(requestId)
                .query(REQUEST)
                .optional();
    }

    Optional<NetworkRequest> pendingBetween(long mainPortalId, long branchPortalId) {
        return jdbc.sql("""
                        select * from directory.network_requests
                        where main_portal_id = ? and branch_portal_id = ? and state = 'PENDING'
                        """).params(mainPortalId, branchPortalId).query(REQUEST).optional();
    }

    /** Lists the pending requests where the portal is either side, newest first. */
    List<NetworkRequest> pendingOf(long portalId) {
        return jdbc.sql("""
                        select * from directory.network_requests
                        where (main_portal_id = ? or branch_portal_id = ?) and state = 'PENDING'
                        order by created_at desc, id desc
                        """).params(portalId, portalId).query(REQUEST).list();
    }

    NetworkRequest insert(
            long mainPortalId,
            long branchPortalId,
            NetworkRequest.Direction direction,
            long requestedBy,
            Instant now,
            Instant expiresAt) {
        return jdbc.sql("""
                        insert into directory.network_requests
                            (main_portal_id, branch_portal_id, direction, state, requested_by, created_at, expires_at)
                        values (?, ?, ?, 'PENDING', ?, ?, ?) returning *
                        """)
                .params(
                        mainPortalId,
                        branchPortalId,
                        direction.name(),
                        requestedBy,
                        Networks.at(now),
                        Networks.at(expiresAt))
                .query(REQUEST)
                .single();
    }

    void answer(long requestId, NetworkRequest.State state, Long answeredBy, Instant now) {
        jdbc.sql("""
                        update directory.network_requests set state = ?, answered_by = ?, answered_at = ?
                        where id = ? and state = 'PENDING'
                        """)
                .params(state.name(), answeredBy, Networks.at(now), requestId)
                .update();
    }

    /** Withdraws every other pending request of a portal that just joined a network, since none can succeed now. */
    List<NetworkRequest> pendingInvolvingBranch(long branchPortalId) {
        return jdbc.sql("select * from directory.network_requests where branch_portal_id = ? and state = 'PENDING'")
                .param(branchPortalId)
                .query(REQUEST)
                .list();
    }
}
