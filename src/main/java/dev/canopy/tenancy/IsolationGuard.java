package dev.canopy.tenancy;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start Canopy when its database role could see past row-level security: a superuser, a BYPASSRLS role,
 * an owner of portal tables, or a portal table without a forced policy led by {@code portal_id}.
 */
@Component
class IsolationGuard implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(IsolationGuard.class);

    private final JdbcClient jdbc;

    IsolationGuard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void afterPropertiesSet() {
        var role = jdbc.sql(
                        "select current_user as name, rolsuper, rolbypassrls from pg_roles where rolname = current_user")
                .query((rows, n) -> new RoleFlags(
                        rows.getString("name"), rows.getBoolean("rolsuper"), rows.getBoolean("rolbypassrls")))
                .single();
        if (role.superuser() || role.bypassRls()) {
            throw new IllegalStateException("Database role " + role.name() + " is a superuser or has BYPASSRLS, so"
                    + " row-level security would not isolate portals. Connect as a plain role (CANOPY_DB_APP_USER).");
        }
        List<String> owned = jdbc.sql("""
                        select n.nspname || '.' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname in ('directory', 'portal') and c.relowner = (select oid from pg_roles where rolname = current_user)
                        """).query(String.class).list();
        if (!owned.isEmpty()) {
            throw new IllegalStateException("Database role " + role.name() + " owns " + owned
                    + "; the application role must own nothing. Run migrations as a separate owner role.");
        }
        List<String> unguarded = unguardedPortalTables(jdbc);
        if (!unguarded.isEmpty()) {
            throw new IllegalStateException(
                    "Portal tables without forced row-level security on a leading portal_id: " + unguarded);
        }
        log.info("Database role {} is subject to row-level security on every portal table", role.name());
    }

    /** Lists the tables of the {@code portal} schema that lack forced RLS or a primary key led by portal_id. */
    static List<String> unguardedPortalTables(JdbcClient jdbc) {
        return jdbc.sql("""
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'portal' and c.relkind in ('r', 'p')
                          and not (c.relrowsecurity and c.relforcerowsecurity
                                   and exists (select 1 from pg_policy p where p.polrelid = c.oid)
                                   and exists (select 1 from pg_constraint k join pg_attribute a
                                                 on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
                                               where k.conrelid = c.oid and k.contype = 'p' and a.attname = 'portal_id'))
                        order by c.relname
                        """).query(String.class).list();
    }

    private record RoleFlags(String name, boolean superuser, boolean bypassRls) {}
}
