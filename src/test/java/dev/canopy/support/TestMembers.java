package dev.canopy.support;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Puts registered persons into portals straight through the memberships table, for tests of features that need a
 * second member before invitations exist in the test's flow.
 */
public final class TestMembers {

    private final JdbcClient jdbc;

    public TestMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes the registered person an active member of the portal and returns the member id. */
    public long addActive(String portalName, String email, String role) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return jdbc.sql("""
                        insert into directory.memberships (portal_id, person_id, role, state, created_at, updated_at)
                        select po.id, pe.id, ?, 'ACTIVE', ?, ?
                        from directory.portals po, directory.persons pe
                        where po.name = ? and pe.email = ?
                        returning id
                        """)
                .params(role, now, now, portalName, email)
                .query(Long.class)
                .single();
    }

    public long memberId(String portalName, String email) {
        return jdbc.sql("""
                        select m.id from directory.memberships m
                        join directory.portals po on po.id = m.portal_id
                        join directory.persons pe on pe.id = m.person_id
                        where po.name = ? and pe.email = ?
                        """).params(portalName, email).query(Long.class).single();
    }

    public long portalId(String portalName) {
        return jdbc.sql("select id from directory.portals where name = ?")
                .param(portalName)
                .query(Long.class)
                .single();
    }

    /** Finds the id of the department with this name in a Structure page. */
    public static long departmentId(String structurePage, String name) {
        Matcher matcher = Pattern.compile("data-department-id=\"(\\d+)\">\\s*<div class=\"department-title\">\\s*"
                        + "<strong data-testid=\"department-name\">" + Pattern.quote(name) + "</strong>")
                .matcher(structurePage);
        if (!matcher.find()) {
            throw new AssertionError("No department named " + name + " on the page");
        }
        return Long.parseLong(matcher.group(1));
    }
}
