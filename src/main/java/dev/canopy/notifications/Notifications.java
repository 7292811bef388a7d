package dev.canopy.notifications;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notifications table. Every statement names the portal and the recipient member. */
@Repository
class Notifications {

    private static final RowMapper<Notification> NOTIFICATION = (rows, n) -> new Notification(
            rows.getLong("id"),
            rows.getString("message_key"),
            strings(rows.getArray("arguments")),
            rows.getString("link"),
            rows.getObject("created_at", OffsetDateTime.class).toInstant(),
            rows.getObject("read_at") != null);

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long portalId, long memberId, String messageKey, List<String> arguments, String link, Instant now) {
        jdbc.sql("""
                        insert into portal.notifications
                            (portal_id, recipient_member_id, message_key, arguments, link, created_at)
                        values (?, ?, ?, ?::text[], ?, ?)
                        """)
                .params(portalId, memberId, messageKey, arrayLiteral(arguments), link, at(now))
                .update();
    }

    int unreadCount(long portalId, long memberId) {
        return jdbc.sql("""
                        select count(*) from portal.notifications
                        where portal_id = ? and recipient_member_id = ? and read_at is null
                        """).params(portalId, memberId).query(Integer.class).single();
    }

    /** Lists the member's notifications, newest first. */
    List<Notification> latest(long portalId, long memberId, int limit) {
        return jdbc.sql("""
                        select * from portal.notifications
                        where portal_id = ? and recipient_member_id = ?
                        order by created_at desc, id desc
                        limit ?
                        """)
                .params(portalId, memberId, limit)
                .query(NOTIFICATION)
                .list();
    }

    /** Marks one notification of the member read. Returns false when the member has no notification with this id. */
    boolean markRead(long portalId, long memberId, long id, Instant now) {
        return jdbc.sql("""
                        update portal.notifications set read_at = coalesce(read_at, ?)
                        where portal_id = ? and recipient_member_id = ? and id = ?
                        """).params(at(now), portalId, memberId, id).update() == 1;
    }

    void markAllRead(long portalId, long memberId, Instant now) {
        jdbc.sql("""
                        update portal.notifications set read_at = ?
                        where portal_id = ? and recipient_member_id = ? and read_at is null
                        """).params(at(now), portalId, memberId).update();
    }

    /** Builds a PostgreSQL array literal, quoting every element so that commas and quotes stay inside it. */
    private static String arrayLiteral(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            String escaped = values.get(i).replace("\\", "\\\\").replace("\"", "\\\"");
            literal.append('"').append(escaped).append('"');
        }
        return literal.append('}').toString();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
