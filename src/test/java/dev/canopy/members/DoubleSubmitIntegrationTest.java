package dev.canopy.members;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.support.Canopy;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.HttpBrowser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The same join, add or invitation sent several times at once, as a double click does: one of them takes effect and
 * the others get a normal page, never a 500 from the database's unique keys.
 */
@CanopyTest
class DoubleSubmitIntegrationTest {

    private static final int COPIES = 4;
    private static final Pattern JOIN_LINK = Pattern.compile("http://localhost:\\d+/join/[A-Za-z0-9_-]+");

    @LocalServerPort
    int port;

    @Test
    void joinByLinkTwiceAtOnce() throws Exception {
        Canopy canopy = new Canopy(port);
        try (HttpBrowser admin = new HttpBrowser()) {
            canopy.register(admin, "admin@double-join.example", "Admin Double");
            canopy.createPortal(admin, "Double Join", "double-join");
            admin.get(canopy.portal("double-join", "/members/invite"));
            admin.post(canopy.portal("double-join", "/members/invite-link"), "enabled", "true");
            Matcher link = JOIN_LINK.matcher(
                    admin.get(canopy.portal("double-join", "/members/invite")).body());
            assertThat(link.find()).as("invite link").isTrue();
            try (HttpBrowser first = new HttpBrowser()) {
                canopy.register(first, "nora@double-join.example", "Nora Twice");
            }
            List<HttpBrowser> browsers = new ArrayList<>();
            for (int i = 0; i < COPIES; i++) {
                HttpBrowser browser = new HttpBrowser();
                canopy.signIn(browser, "nora@double-join.example");
                browser.get(link.group());
                browsers.add(browser);
            }

            List<Integer> statuses = atOnce(
                    browsers, browser -> browser.post(link.group() + "/accept").status());
            var members = admin.get(canopy.portal("double-join", "/members?q=nora"));

            assertThat(statuses).as("statuses").doesNotContain(500).containsOnly(302);
            assertThat(MemberSteps.rowCount(members.body())).isEqualTo(1);
            for (HttpBrowser browser : browsers) {
                browser.close();
            }
        }
    }

    @Test
    void addSameEmailTwiceAtOnce() throws Exception {
        Canopy canopy = new Canopy(port);
        try (HttpBrowser first = new HttpBrowser()) {
            canopy.register(first, "admin@double-add.example", "Admin Add");
            canopy.createPortal(first, "Double Add", "double-add");
        }
        try (HttpBrowser other = new HttpBrowser()) {
            canopy.register(other, "olga@double-add.example", "Olga Added");
        }
        List<HttpBrowser> admins = new ArrayList<>();
        for (int i = 0; i < COPIES; i++) {
            HttpBrowser admin = new HttpBrowser();
            canopy.signIn(admin, "admin@double-add.example");
            admin.open(canopy.portal("double-add", "/members/invite"));
            admins.add(admin);
        }

        List<Integer> added = atOnce(
                admins,
                admin -> admin.post(canopy.portal("double-add", "/members/add"), "email", "olga@double-add.example")
                        .status());
        List<Integer> invited = atOnce(
                admins,
                admin -> admin.post(canopy.portal("double-add", "/members/invite"), "email", "new@double-add.example")
                        .status());
        var olga = admins.get(0).get(canopy.portal("double-add", "/members?q=olga"));
        var newcomer = admins.get(0).get(canopy.portal("double-add", "/members?q=new%40double-add"));

        assertThat(added).as("add statuses").doesNotContain(500).containsOnlyOnce(302);
        assertThat(invited).as("invite statuses").doesNotContain(500).containsOnlyOnce(302);
        assertThat(MemberSteps.rowCount(olga.body())).isEqualTo(1);
        assertThat(MemberSteps.rowCount(newcomer.body())).isEqualTo(1);
        for (HttpBrowser admin : admins) {
            admin.close();
        }
    }

    @Test
    void approveAndDeclineAtOnceDecideOnce() throws Exception {
        Canopy canopy = new Canopy(port);
        try (HttpBrowser admin = new HttpBrowser()) {
            canopy.register(admin, "admin@double-approve.example", "Admin Approve");
            canopy.createPortal(admin, "Double Approve", "double-approve");
            admin.get(canopy.portal("double-approve", "/members/invite"));
            admin.post(
                    canopy.portal("double-approve", "/members/invite-link"),
                    "enabled",
                    "true",
                    "needsApproval",
                    "true");
            Matcher link = JOIN_LINK.matcher(admin.get(canopy.portal("double-approve", "/members/invite"))
                    .body());
            assertThat(link.find()).as("invite link").isTrue();
            try (HttpBrowser newcomer = new HttpBrowser()) {
                canopy.register(newcomer, "pia@double-approve.example", "Pia Waiting");
                newcomer.get(link.group());
                newcomer.post(link.group() + "/accept");
            }
            var waiting = admin.get(canopy.portal("double-approve", "/members?state=AWAITING_APPROVAL"));
            Matcher member = Pattern.compile("/members/(\\d+)/approve").matcher(waiting.body());
            assertThat(member.find()).as("approve action of the waiting person").isTrue();
            String memberId = member.group(1);
            List<HttpBrowser> admins = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                HttpBrowser other = new HttpBrowser();
                canopy.signIn(other, "admin@double-approve.example");
                other.open(canopy.portal("double-approve", "/members"));
                admins.add(other);
            }

            List<Integer> statuses = new ArrayList<>(atOnce(admins, browser -> {
                String action = admins.indexOf(browser) == 0 ? "approve" : "decline";
                return browser.post(canopy.portal("double-approve", "/members/" + memberId + "/" + action))
                        .status();
            }));
            var active = admin.get(canopy.portal("double-approve", "/members?state=ACTIVE&q=pia"));
            var dismissed = admin.get(canopy.portal("double-approve", "/members?state=DISMISSED&q=pia"));

            assertThat(statuses).as("statuses").doesNotContain(500).containsOnlyOnce(302);
            assertThat(MemberSteps.rowCount(active.body()) + MemberSteps.rowCount(dismissed.body()))
                    .as("one decision")
                    .isEqualTo(1);
            for (HttpBrowser browser : admins) {
                browser.close();
            }
        }
    }

    private interface Step {
        int run(HttpBrowser browser);
    }

    /** Runs the step in every browser at the same moment and returns the statuses. */
    private static List<Integer> atOnce(List<HttpBrowser> browsers, Step step) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(browsers.size());
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (HttpBrowser browser : browsers) {
                Callable<Integer> call = () -> {
                    start.await();
                    return step.run(browser);
                };
                results.add(threads.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        } finally {
            threads.shutdownNow();
        }
    }
}
