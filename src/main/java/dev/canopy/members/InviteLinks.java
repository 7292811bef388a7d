package dev.canopy.members;

import dev.canopy.directory.Tokens;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The invite_links table: at most one portal-wide invite link per portal. */
@Repository
class InviteLinks {

    private static final RowMapper<InviteLink> LINK = (rows, n) -> new InviteLink(
            rows.getLong("portal_id"),
            rows.getString("token"),
            rows.getBoolean("enabled"),
            rows.getBoolean("needs_approval"),
            rows.getObject("department_id", Long.class));

    private final JdbcClient jdbc;

    InviteLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<InviteLink> find(long portalId) {
        return jdbc.sql("select * from directory.invite_links where portal_id = ?")
                .param(portalId)
                .query(LINK)
                .optional();
    }

    Optional<InviteLink> findByToken(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("select * from directory.invite_links where token = ?")
                .param(token)
                .query(LINK)
                .optional();
    }

    /** Saves the link's settings, creating the link with a new token the first time. */
    InviteLink save(long portalId, boolean enabled, boolean needsApproval, Long departmentId, Instant now) {
        return jdbc.sql("""
                        insert into directory.invite_links (portal_id, token, enabled, needs_approval, department_id, updated_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (portal_id) do update set enabled = excluded.enabled,
                            needs_approval = excluded.needs_approval, department_id = excluded.department_id,
                            updated_at = excluded.updated_at
                        returning *
                        """)
                .params(portalId, Tokens.generate(), enabled, needsApproval, departmentId, at(now))
                .query(LINK)
                .single();
    }

    /** Gives the link a new token, so that the old address stops working. */
    void renew(long portalId, Instant now) {
        jdbc.sql("update directory.invite_links set token = ?, updated_at = ? where portal_id = ?")
                .params(Tokens.generate(), at(now), portalId)
                .update();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A portal's invite link and what happens to a person who joins by it. */
    record InviteLink(long portalId, String token, boolean enabled, boolean needsApproval, Long departmentId) {}
}
