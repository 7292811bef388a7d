package dev.canopy.members;

import dev.canopy.directory.Tokens;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The invitations table. Only the SHA-256 hash of a token is stored, so a token is looked up by its hash. */
@Repository
class Invitations {

    private static final RowMapper<Invitation> INVITATION = (rows, n) -> new Invitation(
            rows.getLong("id"),
            rows.getLong("portal_id"),
            rows.getObject("member_id", Long.class),
            rows.getString("email"),
            instant(rows.getObject("expires_at", OffsetDateTime.class)),
            instant(rows.getObject("accepted_at", OffsetDateTime.class)),
            instant(rows.getObject("withdrawn_at", OffsetDateTime.class)));

    private final JdbcClient jdbc;

    Invitations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new invitation and returns its token, which exists nowhere else once the mail is sent. */
    String insert(long portalId, long memberId, String email, Long invitedBy, Instant now, Instant expiresAt) {
        String token = Tokens.generate();
        jdbc.sql("""
                        insert into directory.invitations
                            (portal_id, member_id, email, token_hash, invited_by, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(portalId, memberId, email, Tokens.hash(token), invitedBy, at(now), at(expiresAt))
                .update();
        return token;
    }

    Optional<Invitation> findByToken(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("select * from directory.invitations where token_hash = ?")
                .param(Tokens.hash(token))
                .query(INVITATION)
                .optional();
    }

    Optional<Invitation> findById(long portalId, long invitationId) {
        return jdbc.sql("select * from directory.invitations where portal_id = ? and id = ?")
                .params(portalId, invitationId)
                .query(INVITATION)
                .optional();
    }

    Optional<Invitation> findById(long invitationId) {
        return jdbc.sql("select * from directory.invitations where id = ?")
                .param(invitationId)
                .query(INVITATION)
                .optional();
    }

    /** Marks the invitation used, unless it was used, withdrawn or expired meanwhile; returns whether it was. */
    boolean markAccepted(long invitationId, Instant now) {
        return jdbc.sql("""
                        update directory.invitations set accepted_at = ?
                        where id = ? and accepted_at is null and withdrawn_at is null and expires_at > ?
                        """).params(at(now), invitationId, at(now)).update() == 1;
    }

    /** Withdraws every open invitation of a member, so that only a newer one works. */
    void withdrawOpen(long portalId, long memberId, Instant now) {
        jdbc.sql("""
                        update directory.invitations set withdrawn_at = ?
                        where portal_id = ? and member_id = ? and accepted_at is null and withdrawn_at is null
                        """).params(at(now), portalId, memberId).update();
    }

    /** Returns the newest open invitation of each of the members, expired ones included, by member id. */
    Map<Long, Invitation> openOf(long portalId, Collection<Long> memberIds) {
        Map<Long, Invitation> open = new HashMap<>();
        if (memberIds.isEmpty()) {
            return open;
        }
        jdbc.sql("""
                        select distinct on (member_id) * from directory.invitations
                        where portal_id = ? and member_id = any(?) and accepted_at is null and withdrawn_at is null
                        order by member_id, id desc
                        """)
                .params(portalId, memberIds.toArray(Long[]::new))
                .query(INVITATION)
                .list()
                .forEach(invitation -> open.put(invitation.memberId(), invitation));
        return open;
    }

    /** Lists the open, unexpired invitations for an email across portals, for the person's hub page. */
    List<HubInvitation> openForEmail(String email, Instant now) {
        return jdbc.sql("""
                        select i.id, p.title, p.name, p.zone from directory.invitations i
                        join directory.portals p on p.id = i.portal_id
                        where i.email = ? and i.accepted_at is null and i.withdrawn_at is null and i.expires_at > ?
                          and i.member_id is not null
                        order by lower(p.title), i.id
                        """)
                .params(email, at(now))
                .query((rows, n) -> new HubInvitation(
                        rows.getLong("id"), rows.getString("title"), rows.getString("name"), rows.getString("zone")))
                .list();
    }

    /** One invitation; instants are null until they happen. */
    record Invitation(
            long id,
            long portalId,
            Long memberId,
            String email,
            Instant expiresAt,
            Instant acceptedAt,
            Instant withdrawnAt) {

        boolean expired(Instant now) {
            return !expiresAt.isAfter(now);
        }
    }

    record HubInvitation(long id, String portalTitle, String portalName, String portalZone) {}

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
