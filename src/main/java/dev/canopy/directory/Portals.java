package dev.canopy.directory;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The portals table. */
@Repository
class Portals {

    private static final RowMapper<Portal> PORTAL = (rows, n) ->
            new Portal(rows.getLong("id"), rows.getString("title"), rows.getString("name"), rows.getString("zone"));

    private final JdbcClient jdbc;

    Portals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Portal> findById(long id) {
        return jdbc.sql("select * from directory.portals where id = ?")
                .param(id)
                .query(PORTAL)
                .optional();
    }

    Optional<Portal> findByAddress(String zone, String name) {
        return jdbc.sql("select * from directory.portals where zone = ? and name = ?")
                .params(zone, name)
                .query(PORTAL)
                .optional();
    }

    boolean addressTaken(String zone, String name) {
        return jdbc.sql("select exists (select 1 from directory.portals where zone = ? and name = ?)")
                .params(zone, name)
                .query(Boolean.class)
                .single();
    }

    /** Inserts a portal, or returns empty when its address was taken a moment before. */
    Optional<Portal> insert(String title, String name, String zone, long createdBy, Instant now) {
        return jdbc.sql("""
                        insert into directory.portals (title, name, zone, created_by, created_at) values (?, ?, ?, ?, ?)
                        on conflict (zone, name) do nothing
                        returning *
                        """)
                .params(title, name, zone, createdBy, Persons.at(now))
                .query(PORTAL)
                .optional();
    }
}
