package dev.canopy.branches;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.directory.Accounts;
import dev.canopy.directory.Portal;
import dev.canopy.directory.PortalCreation;
import dev.canopy.plans.Plan;
import dev.canopy.plans.Plans;
import dev.canopy.support.Canopy;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.HttpBrowser;
import dev.canopy.support.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A main portal must stay on Enterprise while it has branches, and a Professional trial would move it off. */
@CanopyTest
class MainPortalTrialIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    BranchNetwork network;

    @Autowired
    Plans plans;

    @Autowired
    Accounts accounts;

    @Autowired
    PortalCreation portalCreation;

    @Autowired
    JdbcClient jdbc;

    @Test
    void mainPortalWithBranchesCannotStartTrial() throws Exception {
        Canopy canopy = new Canopy(port);
        People people = new People(accounts, portalCreation, jdbc);
        long ann = people.person("Ann Manager");
        Portal head = people.portal(ann, "Head Office", "trial-head");
        plans.choose(head.id(), Plan.ENTERPRISE, 12);
        network.createBranch(ann, head.id(), "North Branch", "trial-north", null);

        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.signIn(browser, people.email(ann));
            browser.open(canopy.portal("trial-head", "/settings/plan"));

            var response = browser.post(canopy.portal("trial-head", "/settings/plan/trial"));

            assertThat(response.status()).isEqualTo(422);
            assertThat(response.body()).contains("must stay on Enterprise while it has branches");
        }
        assertThat(plans.current(head.id()).plan()).isEqualTo(Plan.ENTERPRISE);
        assertThat(plans.current(head.id()).inTrial()).isFalse();
    }
}
