package dev.canopy.structure;

import dev.canopy.directory.PortalCreated;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Gives every new portal its top department, named after the portal, with the creator as its member. */
@Component
class TopDepartment {

    private final JdbcClient jdbc;
    private final Clock clock;

    TopDepartment(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void create(PortalCreated created) {
        long departmentId = jdbc.sql("""
                        insert into portal.departments (portal_id, name, created_at) values (?, ?, ?) returning id
                        """)
                .params(
                        created.portalId(),
                        created.title(),
                        OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .query(Long.class)
                .single();
        jdbc.sql("insert into portal.department_members (portal_id, department_id, member_id) values (?, ?, ?)")
                .params(created.portalId(), departmentId, created.creatorMemberId())
                .update();
    }
}
