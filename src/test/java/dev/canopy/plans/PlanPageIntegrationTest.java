package dev.canopy.plans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.support.Canopy;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.HttpBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@CanopyTest
class PlanPageIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void administratorChoosesPlanAndBadInputIsRefusedWithMessage() throws Exception {
        Canopy canopy = new Canopy(port);
        try (HttpBrowser ann = new HttpBrowser()) {
            canopy.register(ann, "ann@example.com", "Ann");
            canopy.createPortal(ann, "Acme", "acme");
            ann.get(canopy.portal("acme", "/settings/plan"));

            var unknownPlan = ann.post(canopy.portal("acme", "/settings/plan/choose"), "plan", "GOLD", "months", "1");
            var badMonths = ann.post(canopy.portal("acme", "/settings/plan/choose"), "plan", "BASIC", "months", "x");
            var chosen = ann.submit(canopy.portal("acme", "/settings/plan/choose"), "plan", "STANDARD", "months", "3");

            assertThat(unknownPlan.status()).isEqualTo(422);
            assertThat(unknownPlan.body()).contains("Choose one of the offered plans.");
            assertThat(badMonths.status()).isEqualTo(422);
            assertThat(badMonths.body()).contains("Choose one of the offered values.");
            assertThat(chosen.status()).isEqualTo(200);
            assertThat(chosen.body())
                    .contains("The plan is changed.")
                    .contains("Standard")
                    .contains("1 of 50");
        }
    }

    @Test
    void planChangeOnOnePortalLeavesOthersAloneAndOutsidersCannotReachIt() throws Exception {
        Canopy canopy = new Canopy(port);
        try (HttpBrowser bob = new HttpBrowser();
                HttpBrowser cid = new HttpBrowser()) {
            canopy.register(bob, "bob@example.com", "Bob");
            canopy.createPortal(bob, "Bobco", "bobco");
            canopy.register(cid, "cid@example.com", "Cid");
            canopy.createPortal(cid, "Cidco", "cidco");

            cid.get(canopy.portal("cidco", "/settings/plan"));
            cid.submit(canopy.portal("cidco", "/settings/plan/choose"), "plan", "ENTERPRISE", "months", "12");
            var outsider = cid.open(canopy.portal("bobco", "/settings/plan"));

            assertThat(outsider.status()).isEqualTo(403);
            assertThat(outsider.body()).doesNotContain("Bobco");
            String bobPlan = jdbc.sql("select plan from directory.portals where name = 'bobco'")
                    .query(String.class)
                    .single();
            assertThat(bobPlan).isEqualTo("FREE");
        }
    }
}
