package dev.canopy.members;

import dev.canopy.tenancy.PortalScope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read access to a portal's departments for the members pages (names, and the departments of each member), plus
 * placing a newcomer in the invite link's department. The structure module owns the departments themselves.
 */
@Repository
class MemberDepartments {

    private final JdbcClient jdbc;
    private final PortalScope portalScope;

    MemberDepartments(JdbcClient jdbc, PortalScope portalScope) {
        this.jdbc = jdbc;
        this.portalScope = portalScope;
    }

    List<DepartmentOption> list(long portalId) {
        return portalScope.callAs(
                portalId,
                () -> jdbc.sql(
                                "select id, name from portal.departments order by parent_id nulls first, lower(name), id")
                        .query((rows, n) -> new DepartmentOption(rows.getLong("id"), rows.getString("name")))
                        .list());
    }

    boolean exists(long portalId, long departmentId) {
        return portalScope.callAs(
                portalId,
                () -> jdbc.sql("select exists (select 1 from portal.departments where id = ?)")
                        .param(departmentId)
                        .query(Boolean.class)
                        .single());
    }

    /** Returns the names of the departments of each member, by member id. */
    Map<Long, List<String>> namesOf(long portalId, Collection<Long> memberIds) {
        Map<Long, List<String>> names = new LinkedHashMap<>();
        if (memberIds.isEmpty()) {
            return names;
        }
        portalScope.runAs(
                portalId,
                () -> jdbc.sql("""
                        select dm.member_id, d.name from portal.department_members dm
                        join portal.departments d on d.portal_id = dm.portal_id and d.id = dm.department_id
                        where dm.member_id = any(?)
                        order by lower(d.name), d.id
                        """).param(memberIds.toArray(Long[]::new)).query(rows -> {
                    names.computeIfAbsent(rows.getLong("member_id"), id -> new ArrayList<>())
                            .add(rows.getString("name"));
                }));
        return names;
    }

    /** Places a member in a department, unless the department was deleted meanwhile. */
    void place(long portalId, long departmentId, long memberId) {
        portalScope.runAs(
                portalId,
                () -> jdbc.sql("""
                        insert into portal.department_members (portal_id, department_id, member_id)
                        select ?, id, ? from portal.departments where id = ?
                        on conflict do nothing
                        """).params(portalId, memberId, departmentId).update());
    }
}
