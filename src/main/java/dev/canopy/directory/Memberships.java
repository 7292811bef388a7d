package dev.canopy.directory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The memberships table: every query names the portal or the person it is about. */
@Repository
class Memberships {

    private static final RowMapper<Membership> MEMBERSHIP = (rows, n) -> new Membership(
            rows.getLong("id"),
            rows.getLong("portal_id"),
            rows.getLong("person_id"),
            MemberRole.valueOf(rows.getString("role")),
            MemberState.valueOf(rows.getString("state")),
            rows.getString("position"));

    private final JdbcClient jdbc;

    Memberships(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Membership> find(long portalId, long personId) {
        return jdbc.sql("select * from directory.memberships where portal_id = ? and person_id = ?")
                .params(portalId, personId)
                .query(MEMBERSHIP)
                .optional();
    }

    Membership insert(long portalId, long personId, MemberRole role, MemberState state, Instant now) {
        return jdbc.sql("""
                        insert into directory.memberships (portal_id, person_id, role, state, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?) returning *
                        """)
                .params(portalId, personId, role.name(), state.name(), Persons.at(now), Persons.at(now))
                .query(MEMBERSHIP)
                .single();
    }

    /** Lists the portals where the person is an active member, by title. */
    List<PersonPortal> activePortalsOf(long personId) {
        return jdbc.sql("""
                        select p.id, p.title, p.name, p.zone, m.role
                        from directory.memberships m join directory.portals p on p.id = m.portal_id
                        where m.person_id = ? and m.state = 'ACTIVE'
                        order by lower(p.title), p.id
                        """)
                .param(personId)
                .query((rows, n) -> new PersonPortal(
                        new Portal(
                                rows.getLong("id"),
                                rows.getString("title"),
                                rows.getString("name"),
                                rows.getString("zone")),
                        MemberRole.valueOf(rows.getString("role"))))
                .list();
    }

    /** Lists a portal's members with their names, administrators first. */
    List<MemberListing> listMembers(long portalId) {
        return jdbc.sql("""
                        select m.id, pe.name, pe.email, m.role, m.state, m.position
                        from directory.memberships m join directory.persons pe on pe.id = m.person_id
                        where m.portal_id = ?
                        order by m.role, lower(pe.name), m.id
                        """)
                .param(portalId)
                .query((rows, n) -> new MemberListing(
                        rows.getLong("id"),
                        rows.getString("name"),
                        rows.getString("email"),
                        MemberRole.valueOf(rows.getString("role")),
                        MemberState.valueOf(rows.getString("state")),
                        rows.getString("position")))
                .list();
    }
}
