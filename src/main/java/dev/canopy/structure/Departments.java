package dev.canopy.structure;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The departments and department_members tables. Every statement names the portal it is about. */
@Repository
class Departments {

    private static final RowMapper<Department> DEPARTMENT = (rows, n) -> new Department(
            rows.getLong("id"),
            rows.getString("name"),
            rows.getObject("parent_id", Long.class),
            rows.getObject("head_member_id", Long.class));

    /** A member's place in a department. */
    record Placement(long departmentId, long memberId) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    Departments(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<Department> all(long portalId) {
        return jdbc.sql("select * from portal.departments where portal_id = ? order by lower(name), id")
                .param(portalId)
                .query(DEPARTMENT)
                .list();
    }

    /** Locks the portal's departments so that concurrent moves cannot build a cycle between them. */
    List<Department> lockAll(long portalId) {
        return jdbc.sql("select * from portal.departments where portal_id = ? order by id for update")
                .param(portalId)
                .query(DEPARTMENT)
                .list();
    }

    Optional<Department> find(long portalId, long id) {
        return jdbc.sql("select * from portal.departments where portal_id = ? and id = ?")
                .params(portalId, id)
                .query(DEPARTMENT)
                .optional();
    }

    /** Finds a department and keeps it from being deleted until the transaction ends. */
    Optional<Department> findLocked(long portalId, long id) {
        return jdbc.sql("select * from portal.departments where portal_id = ? and id = ? for share")
                .params(portalId, id)
                .query(DEPARTMENT)
                .optional();
    }

    List<Placement> placements(long portalId) {
        return jdbc.sql("select department_id, member_id from portal.department_members where portal_id = ?")
                .param(portalId)
                .query((rows, n) -> new Placement(rows.getLong("department_id"), rows.getLong("member_id")))
                .list();
    }

    long insert(long portalId, long parentId, String name) {
        return jdbc.sql("""
                        insert into portal.departments (portal_id, name, parent_id, created_at)
                        values (?, ?, ?, ?) returning id
                        """)
                .params(portalId, name, parentId, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    void rename(long portalId, long id, String name) {
        jdbc.sql("update portal.departments set name = ? where portal_id = ? and id = ?")
                .params(name, portalId, id)
                .update();
    }

    void move(long portalId, long id, long parentId) {
        jdbc.sql("update portal.departments set parent_id = ? where portal_id = ? and id = ?")
                .params(parentId, portalId, id)
                .update();
    }

    void setHead(long portalId, long id, Long memberId) {
        jdbc.sql("update portal.departments set head_member_id = ? where portal_id = ? and id = ?")
                .params(memberId, portalId, id)
                .update();
    }

    void addMember(long portalId, long departmentId, long memberId) {
        jdbc.sql("""
                        insert into portal.department_members (portal_id, department_id, member_id) values (?, ?, ?)
                        on conflict do nothing
                        """).params(portalId, departmentId, memberId).update();
    }

    void removeMember(long portalId, long departmentId, long memberId) {
        jdbc.sql("delete from portal.department_members where portal_id = ? and department_id = ? and member_id = ?")
                .params(portalId, departmentId, memberId)
                .update();
    }

    /** Hands the department's sub-departments and members to the target, then deletes the department. */
    void deleteInto(long portalId, long id, long targetId) {
        jdbc.sql("update portal.departments set parent_id = ? where portal_id = ? and parent_id = ?")
                .params(targetId, portalId, id)
                .update();
        jdbc.sql("""
                        insert into portal.department_members (portal_id, department_id, member_id)
                        select portal_id, ?, member_id from portal.department_members
                        where portal_id = ? and department_id = ?
                        on conflict do nothing
                        """).params(targetId, portalId, id).update();
        delete(portalId, id);
    }

    void delete(long portalId, long id) {
        jdbc.sql("delete from portal.departments where portal_id = ? and id = ?")
                .params(portalId, id)
                .update();
    }
}
