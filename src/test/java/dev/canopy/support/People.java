package dev.canopy.support;

import dev.canopy.directory.Accounts;
import dev.canopy.directory.Portal;
import dev.canopy.directory.PortalCreation;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Creates persons, portals and memberships through the product's services, for tests that need many of them. */
public class People {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Accounts accounts;
    private final PortalCreation portalCreation;
    private final JdbcClient jdbc;

    public People(Accounts accounts, PortalCreation portalCreation, JdbcClient jdbc) {
        this.accounts = accounts;
        this.portalCreation = portalCreation;
        this.jdbc = jdbc;
    }

    /** Registers a person with the standard test password and returns their id. */
    public long person(String name) {
        String email =
                name.toLowerCase().replaceAll("[^a-z0-9]+", ".") + "." + SEQUENCE.incrementAndGet() + "@example.com";
        return accounts.register(email, Canopy.PASSWORD, name).id();
    }

    public String email(long personId) {
        return jdbc.sql("select email from directory.persons where id = ?")
                .param(personId)
                .query(String.class)
                .single();
    }

    public Portal portal(long creatorId, String title, String name) {
        return portalCreation.create(creatorId, title, name, "default");
    }

    public Portal portal(long creatorId, String title, String name, String zone) {
        return portalCreation.create(creatorId, title, name, zone);
    }

    /** Makes the person an active member of the portal with the given role (ADMINISTRATOR or EMPLOYEE). */
    public void join(long portalId, long personId, String role) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                        insert into directory.memberships (portal_id, person_id, role, state, created_at, updated_at)
                        values (?, ?, ?, 'ACTIVE', ?, ?)
                        on conflict (portal_id, person_id) do update set role = excluded.role, state = 'ACTIVE'
                        """).params(portalId, personId, role, now, now).update();
    }
}
