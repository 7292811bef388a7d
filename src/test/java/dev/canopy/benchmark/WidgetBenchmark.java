package dev.canopy.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.branches.Widget;
import dev.canopy.directory.Accounts;
import dev.canopy.directory.Portal;
import dev.canopy.directory.PortalCreation;
import dev.canopy.plans.Plan;
import dev.canopy.plans.Plans;
import dev.canopy.support.Canopy;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.HttpBrowser;
import dev.canopy.support.People;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Measures the network widget on a network of 10,000 branches: for a network manager (search and paging over all
 * branches) and for a person who is a member of 200 of them. Not part of the test suite; run it on demand with
 * {@code ./mvnw test -Dtest=WidgetBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@CanopyTest
class WidgetBenchmark {

    private static final int BRANCHES = 10_000;
    private static final int MEMBER_OF = 200;
    private static final int WARMUP = 50;
    private static final int SAMPLES = 300;

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    PortalCreation portalCreation;

    @Autowired
    Plans plans;

    @Autowired
    Widget widget;

    @Autowired
    JdbcClient jdbc;

    @Test
    void widgetOnTenThousandBranches() throws Exception {
        People people = new People(accounts, portalCreation, jdbc);
        long manager = people.person("Manager");
        long member = people.person("Member");
        Portal main = people.portal(manager, "Head Office", "head");
        plans.choose(main.id(), Plan.ENTERPRISE, 12);
        people.join(main.id(), member, "EMPLOYEE");
        createBranches(main.id(), manager, member);

        var managerAccess = widget.access(main.id(), manager).orElseThrow();
        var memberAccess = widget.access(main.id(), member).orElseThrow();
        assertThat(widget.view(main.id(), manager, managerAccess, "", 1).rows()).hasSize(20);
        assertThat(widget.view(main.id(), member, memberAccess, "", 1).rows()).hasSize(MEMBER_OF + 1);

        report(
                "service, manager, first page",
                time(() -> widget.view(
                        main.id(), manager, widget.access(main.id(), manager).orElseThrow(), "", 1)));
        report(
                "service, manager, page 250",
                time(() -> widget.view(
                        main.id(), manager, widget.access(main.id(), manager).orElseThrow(), "", 250)));
        report(
                "service, manager, search",
                time(() -> widget.view(
                        main.id(), manager, widget.access(main.id(), manager).orElseThrow(), "branch 77", 1)));
        report(
                "service, member of 200",
                time(() -> widget.view(
                        main.id(), member, widget.access(main.id(), member).orElseThrow(), "", 1)));

        Canopy canopy = new Canopy(port);
        try (HttpBrowser managerBrowser = new HttpBrowser();
                HttpBrowser memberBrowser = new HttpBrowser()) {
            canopy.signIn(managerBrowser, people.email(manager));
            canopy.signIn(memberBrowser, people.email(member));
            managerBrowser.open(canopy.portal("head", "/"));
            memberBrowser.open(canopy.portal("head", "/"));
            report(
                    "HTTP, manager, first page",
                    time(() -> check(managerBrowser.get(canopy.portal("head", "/network/widget")))));
            report(
                    "HTTP, manager, search",
                    time(() -> check(managerBrowser.get(canopy.portal("head", "/network/widget?q=branch+77")))));
            report(
                    "HTTP, member of 200",
                    time(() -> check(memberBrowser.get(canopy.portal("head", "/network/widget")))));
            report(
                    "HTTP, member of 200, page with widget button",
                    time(() -> check(memberBrowser.get(canopy.portal("head", "/")))));
        }
    }

    private void createBranches(long mainId, long manager, long member) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long networkId = jdbc.sql(
                        "insert into directory.networks (main_portal_id, zone, created_at) values (?, 'default', ?) returning id")
                .params(mainId, now)
                .query(Long.class)
                .single();
        jdbc.sql("update directory.portals set network_id = ?, ever_in_network = true where id = ?")
                .params(networkId, mainId)
                .update();
        jdbc.sql("""
                        insert into directory.portals (title, name, zone, created_by, created_at, plan, paid_until, network_id, ever_in_network)
                        select 'Branch ' || n, 'branch-' || n, 'default', ?, ?, 'STANDARD', ? + interval '1 year', ?, true
                        from generate_series(1, ?) n
                        """).params(manager, now, now, networkId, BRANCHES).update();
        jdbc.sql("""
                        insert into directory.memberships (portal_id, person_id, role, state, created_at, updated_at)
                        select p.id, ?, 'ADMINISTRATOR', 'ACTIVE', ?, ? from directory.portals p
                        where p.network_id = ? and p.id <> ?
                        """).params(manager, now, now, networkId, mainId).update();
        jdbc.sql("""
                        insert into directory.memberships (portal_id, person_id, role, state, created_at, updated_at)
                        select p.id, ?, 'EMPLOYEE', 'ACTIVE', ?, ? from directory.portals p
                        where p.network_id = ? and p.id <> ? order by p.id limit ?
                        """).params(member, now, now, networkId, mainId, MEMBER_OF).update();
        jdbc.sql(
                        "delete from directory.memberships where person_id = ? and portal_id in (select id from directory.portals where network_id = ? and id <> ? and name like 'branch-%' and substr(name, 8)::int % 2 = 0)")
                .params(manager, networkId, mainId)
                .update();
        jdbc.sql("analyze directory.portals").update();
        jdbc.sql("analyze directory.memberships").update();
    }

    private static void check(HttpBrowser.Response response) {
        if (response.status() != 200) {
            throw new IllegalStateException("Status " + response.status());
        }
    }

    private static List<Double> time(Runnable call) {
        for (int i = 0; i < WARMUP; i++) {
            call.run();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            call.run();
            millis.add((System.nanoTime() - start) / 1_000_000.0);
        }
        Collections.sort(millis);
        return millis;
    }

    private static void report(String label, List<Double> millis) {
        double median = millis.get(millis.size() / 2);
        double p95 = millis.get((int) Math.ceil(millis.size() * 0.95) - 1);
        System.out.printf(
                Locale.ROOT,
                "BENCHMARK %-48s median %7.2f ms   p95 %7.2f ms   (%d samples)%n",
                label,
                median,
                p95,
                millis.size());
    }
}
