package dev.canopy.directory;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read access for other modules to the active members of one portal. Every query names the portal. */
@Service
public class PortalMembers {

    private static final RowMapper<PortalMember> MEMBER = (rows, n) -> new PortalMember(
            rows.getLong("id"),
            rows.getString("name"),
            rows.getString("position"),
            MemberRole.valueOf(rows.getString("role")));

    private final JdbcClient jdbc;

    PortalMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Lists the portal's active members by name. */
    public List<PortalMember> activeMembers(long portalId) {
        return jdbc.sql("""
                        select m.id, pe.name, m.position, m.role
                        from directory.memberships m join directory.persons pe on pe.id = m.person_id
                        where m.portal_id = ? and m.state = 'ACTIVE'
                        order by lower(pe.name), m.id
                        """).param(portalId).query(MEMBER).list();
    }

    /** Finds an active member of this portal; a member id of another portal finds nothing. */
    public Optional<PortalMember> activeMember(long portalId, long memberId) {
        return jdbc.sql("""
                        select m.id, pe.name, m.position, m.role
                        from directory.memberships m join directory.persons pe on pe.id = m.person_id
                        where m.portal_id = ? and m.id = ? and m.state = 'ACTIVE'
                        """).params(portalId, memberId).query(MEMBER).optional();
    }

    /** Lists the member ids of the portal's active administrators. */
    public List<Long> activeAdministratorIds(long portalId) {
        return jdbc.sql("""
                        select id from directory.memberships
                        where portal_id = ? and state = 'ACTIVE' and role = 'ADMINISTRATOR'
                        order by id
                        """).param(portalId).query(Long.class).list();
    }
}
