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
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The widget's pager keeps the network manager's search when they turn the page. */
@CanopyTest
class WidgetPagerIntegrationTest {

    private static final Pattern NEXT_PAGE = Pattern.compile("hx-get=\"(/network/widget\\?page=2[^\"]*)\"");

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
    void nextPageKeepsSearchWithAmpersand() throws Exception {
        Canopy canopy = new Canopy(port);
        People people = new People(accounts, portalCreation, jdbc);
        long ann = people.person("Ann Manager");
        long bob = people.person("Bob Owner");
        Portal head = people.portal(ann, "Head Office", "pager-head");
        plans.choose(head.id(), Plan.ENTERPRISE, 12);
        for (int i = 1; i <= 21; i++) {
            connect(people, ann, bob, head, "R&D Lab " + i, "pager-lab-" + i);
        }
        for (int i = 1; i <= 20; i++) {
            connect(people, ann, bob, head, "Retail " + i, "pager-retail-" + i);
        }

        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.signIn(browser, people.email(ann));
            browser.open(canopy.portal("pager-head", "/"));

            var first = browser.get(canopy.portal("pager-head", "/network/widget?q=R%26D"));
            var link = NEXT_PAGE.matcher(first.body());
            assertThat(link.find()).as("link to the next page").isTrue();
            var second = browser.get(canopy.portal("pager-head", link.group(1).replace("&amp;", "&")));

            assertThat(first.body()).contains("Page 1");
            assertThat(second.body()).contains("Page 2");
            assertThat(second.body()).contains("R&amp;D Lab");
            assertThat(second.body()).doesNotContain("Retail");
            assertThat(NEXT_PAGE.matcher(second.body()).find())
                    .as("no page after the second")
                    .isFalse();
        }
    }

    /** Connects a portal that Bob owns, so that Ann sees it among the branches where she is not a member. */
    private void connect(People people, long ann, long bob, Portal head, String title, String name) {
        Portal branch = people.portal(bob, title, name);
        network.accept(
                bob, branch.id(), network.invite(ann, head.id(), branch.id()).id());
    }
}
