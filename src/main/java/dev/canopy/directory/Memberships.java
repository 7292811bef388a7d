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

    Optional<Membership> findById(long portalId, long memberId) {
        return jdbc.sql("select * from directory.memberships where portal_id = ? and id = ?")
                .params(portalId, memberId)
                .query(MEMBERSHIP)
                .optional();
    }

    /**
     * Finds a membership by id after locking the portal's row until the transaction ends, so that changes of one
     * portal's members queue up and two administrators cannot demote each other at the same time.
     */
    Optional<Membership> lock(long portalId, long memberId) {
        lockPortal(portalId);
        return jdbc.sql("select * from directory.memberships where portal_id = ? and id = ?")
                .params(portalId, memberId)
                .query(MEMBERSHIP)
                .optional();
    }

    /** Locks the portal's row until the transaction ends, so that changes of one portal's members queue up. */
    void lockPortal(long portalId) {
        jdbc.sql("select id from directory.portals where id = ? for no key update")
                .param(portalId)
                .query(Long.class)
                .optional();
    }

    /** Finds the membership of an email invited before it had a profile. */
    Optional<Membership> findInvitedEmail(long portalId, String email) {
        return jdbc.sql(
                        "select * from directory.memberships where portal_id = ? and person_id is null and invited_email = ?")
                .params(portalId, email)
                .query(MEMBERSHIP)
                .optional();
    }

    String invitedEmail(long portalId, long memberId) {
        return jdbc.sql("select invited_email from directory.memberships where portal_id = ? and id = ?")
                .params(portalId, memberId)
                .query(String.class)
                .single();
    }

    /** Inserts an invited membership for an email that has no person yet. */
    Membership insertInvitedEmail(long portalId, String email, Instant now) {
        return jdbc.sql("""
                        insert into directory.memberships (portal_id, invited_email, role, state, created_at, updated_at)
                        values (?, ?, 'EMPLOYEE', 'INVITED', ?, ?) returning *
                        """)
                .params(portalId, email, Persons.at(now), Persons.at(now))
                .query(MEMBERSHIP)
                .single();
    }

    void updateState(long portalId, long memberId, MemberState state, Instant now) {
        jdbc.sql("update directory.memberships set state = ?, updated_at = ? where portal_id = ? and id = ?")
                .params(state.name(), Persons.at(now), portalId, memberId)
                .update();
    }

    void updateRole(long portalId, long memberId, MemberRole role, Instant now) {
        jdbc.sql("update directory.memberships set role = ?, updated_at = ? where portal_id = ? and id = ?")
                .params(role.name(), Persons.at(now), portalId, memberId)
                .update();
    }

    void updatePosition(long portalId, long memberId, String position, Instant now) {
        jdbc.sql("update directory.memberships set position = ?, updated_at = ? where portal_id = ? and id = ?")
                .params(position, Persons.at(now), portalId, memberId)
                .update();
    }

    /** Gives an invited membership its person, who accepted the invitation. */
    void attachPerson(long portalId, long memberId, long personId, Instant now) {
        jdbc.sql("""
                        update directory.memberships set person_id = ?, invited_email = null, updated_at = ?
                        where portal_id = ? and id = ?
                        """).params(personId, Persons.at(now), portalId, memberId).update();
    }

    void delete(long portalId, long memberId) {
        jdbc.sql("delete from directory.memberships where portal_id = ? and id = ?")
                .params(portalId, memberId)
                .update();
    }

    int countActiveAdministrators(long portalId) {
        return jdbc.sql("""
                        select count(*) from directory.memberships
                        where portal_id = ? and role = 'ADMINISTRATOR' and state = 'ACTIVE'
                        """).param(portalId).query(Integer.class).single();
    }

    /** Lists the person ids of the portal's active administrators. */
    List<Long> activeAdministratorPersons(long portalId) {
        return jdbc.sql("""
                        select person_id from directory.memberships
                        where portal_id = ? and role = 'ADMINISTRATOR' and state = 'ACTIVE'
                        """).param(portalId).query(Long.class).list();
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

    /**
     * Lists one page of a portal's members, administrators first, then by name. The text matches a part of the name
     * or the email, and a null state matches every state.
     */
    List<MemberListing> search(long portalId, String text, MemberState state, int offset, int limit) {
        return jdbc.sql("""
                        select m.id, coalesce(pe.name, '') as name, coalesce(pe.email, m.invited_email) as email,
                               m.role, m.state, m.position
                        from directory.memberships m left join directory.persons pe on pe.id = m.person_id
                        where m.portal_id = :portal and (:state::text is null or m.state = :state)
                          and (pe.name ilike :pattern escape '\\' or coalesce(pe.email, m.invited_email) ilike :pattern escape '\\')
                        order by m.role, lower(coalesce(pe.name, m.invited_email)), m.id
                        offset :offset limit :limit
                        """)
                .param("portal", portalId)
                .param("state", state == null ? null : state.name())
                .param("pattern", containing(text))
                .param("offset", offset)
                .param("limit", limit)
                .query((rows, n) -> new MemberListing(
                        rows.getLong("id"),
                        rows.getString("name"),
                        rows.getString("email"),
                        MemberRole.valueOf(rows.getString("role")),
                        MemberState.valueOf(rows.getString("state")),
                        rows.getString("position")))
                .list();
    }

    long count(long portalId, String text, MemberState state) {
        return jdbc.sql("""
                        select count(*)
                        from directory.memberships m left join directory.persons pe on pe.id = m.person_id
                        where m.portal_id = :portal and (:state::text is null or m.state = :state)
                          and (pe.name ilike :pattern escape '\\' or coalesce(pe.email, m.invited_email) ilike :pattern escape '\\')
                        """)
                .param("portal", portalId)
                .param("state", state == null ? null : state.name())
                .param("pattern", containing(text))
                .query(Long.class)
                .single();
    }

    /** Builds a LIKE pattern that matches the text anywhere, with the text's own wildcards taken literally. */
    private static String containing(String text) {
        String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
