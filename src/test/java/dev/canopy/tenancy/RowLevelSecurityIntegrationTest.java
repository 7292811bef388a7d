package dev.canopy.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.directory.Accounts;
import dev.canopy.directory.Portal;
import dev.canopy.directory.PortalCreation;
import dev.canopy.support.CanopyTest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@CanopyTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowLevelSecurityIntegrationTest {

    @Autowired
    PortalScope portalScope;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    Accounts accounts;

    @Autowired
    PortalCreation portalCreation;

    Portal acme;
    Portal globex;

    @BeforeAll
    void createTwoPortals() {
        long ann = accounts.register("ann@example.com", "correct horse battery", "Ann")
                .id();
        long bob = accounts.register("bob@example.com", "correct horse battery", "Bob")
                .id();
        acme = portalCreation.create(ann, "Acme", "acme", "default");
        globex = portalCreation.create(bob, "Globex", "globex", "default");
        for (int i = 0; i < 5; i++) {
            addDepartment(acme.id(), "Acme unit " + i);
            addDepartment(globex.id(), "Globex unit " + i);
        }
    }

    @Test
    void unfilteredQueryInPortalContextSeesOnlyThatPortal() {
        List<Long> owners = portalScope.callAs(
                acme.id(),
                () -> jdbc.sql("select portal_id from portal.departments")
                        .query(Long.class)
                        .list());

        assertThat(owners).hasSize(6).containsOnly(acme.id());
    }

    @Test
    void queryWithoutContextSeesNothing() {
        var transactions = new TransactionTemplate(transactionManager);

        Integer inTransaction = transactions.execute(status -> jdbc.sql("select count(*) from portal.departments")
                .query(Integer.class)
                .single());
        Integer autocommit = jdbc.sql("select count(*) from portal.departments")
                .query(Integer.class)
                .single();

        assertThat(inTransaction).isZero();
        assertThat(autocommit).isZero();
    }

    @Test
    void writeForAnotherPortalIsRejectedInsideContext() {
        assertThatThrownBy(() -> portalScope.runAs(
                        acme.id(),
                        () -> jdbc.sql(
                                        "insert into portal.departments (portal_id, name, parent_id, created_at) values (?, 'Spy', null, now())")
                                .param(globex.id())
                                .update()))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("row-level security");

        int renamed = portalScope.callAs(
                acme.id(),
                () -> jdbc.sql("update portal.departments set name = 'Taken' where portal_id = ?")
                        .param(globex.id())
                        .update());
        assertThat(renamed).isZero();
        List<String> globexNames = portalScope.callAs(
                globex.id(),
                () -> jdbc.sql("select name from portal.departments")
                        .query(String.class)
                        .list());
        assertThat(globexNames).doesNotContain("Taken", "Spy");
    }

    @Test
    void everyPortalTableHasForcedPolicyAndLeadingPortalId() {
        List<String> tables = jdbc.sql("""
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'portal' and c.relkind in ('r', 'p') order by 1
                        """).query(String.class).list();
        List<String> guarded = jdbc.sql("""
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        join pg_constraint k on k.conrelid = c.oid and k.contype = 'p'
                        join pg_attribute a on a.attrelid = c.oid and a.attnum = k.conkey[1]
                        where n.nspname = 'portal' and c.relrowsecurity and c.relforcerowsecurity
                          and a.attname = 'portal_id'
                          and exists (select 1 from pg_policy p where p.polrelid = c.oid
                                      and pg_get_expr(p.polqual, p.polrelid) like '%canopy.portal_id%'
                                      and pg_get_expr(p.polwithcheck, p.polrelid) like '%canopy.portal_id%')
                        order by 1
                        """).query(String.class).list();
        List<String> foreignKeysNotLedByPortal =
                jdbc.sql("""
                        select k.conname from pg_constraint k join pg_namespace n on n.oid = k.connamespace
                        join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
                        join pg_class target on target.oid = k.confrelid
                        join pg_namespace target_schema on target_schema.oid = target.relnamespace
                        where n.nspname = 'portal' and k.contype = 'f' and target_schema.nspname = 'portal'
                          and a.attname <> 'portal_id'
                        """).query(String.class).list();

        assertThat(tables).isNotEmpty();
        assertThat(guarded).isEqualTo(tables);
        assertThat(foreignKeysNotLedByPortal).isEmpty();
    }

    @Test
    void applicationRoleCannotBypassSecurityAndOwnsNothing() {
        Boolean privileged = jdbc.sql("select rolsuper or rolbypassrls from pg_roles where rolname = current_user")
                .query(Boolean.class)
                .single();
        Integer owned = jdbc.sql("""
                        select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname in ('directory', 'portal') and c.relowner = (select oid from pg_roles where rolname = current_user)
                        """).query(Integer.class).single();

        assertThat(privileged).isFalse();
        assertThat(owned).isZero();
    }

    @Test
    void contextNeverLeaksBetweenPooledConnections() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(24);
        List<Callable<String>> work = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            Portal portal = i % 2 == 0 ? acme : globex;
            boolean withContext = i % 3 != 0;
            work.add(() -> {
                if (!withContext) {
                    int seen = jdbc.sql("select count(*) from portal.departments")
                            .query(Integer.class)
                            .single();
                    return seen == 0 ? "ok" : "no-context query saw " + seen + " rows";
                }
                List<Long> owners = portalScope.callAs(
                        portal.id(),
                        () -> jdbc.sql("select portal_id from portal.departments")
                                .query(Long.class)
                                .list());
                boolean own = owners.size() == 6 && owners.stream().allMatch(id -> id == portal.id());
                return own ? "ok" : "portal " + portal.id() + " saw " + owners;
            });
        }

        List<String> outcomes = new ArrayList<>();
        try {
            for (Future<String> outcome : threads.invokeAll(work)) {
                outcomes.add(outcome.get());
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(outcomes).hasSize(600).containsOnly("ok");
    }

    @Test
    void unknownPortalIsRejected() {
        assertThatThrownBy(() -> portalScope.runAs(999_999L, () -> {}))
                .isInstanceOf(PortalScope.UnknownPortalException.class);
    }

    private void addDepartment(long portalId, String name) {
        portalScope.runAs(
                portalId,
                () -> jdbc.sql(
                                "insert into portal.departments (portal_id, name, parent_id, created_at) values (?, ?, (select id from portal.departments where parent_id is null), ?)")
                        .params(portalId, name, OffsetDateTime.now())
                        .update());
    }
}
