package dev.canopy.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.support.Canopy;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.HttpBrowser;
import dev.canopy.support.TestClock;
import dev.canopy.support.TestMembers;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@CanopyTest
class NotificationsIntegrationTest {

    private static final String WELCOME = "notification.demoWelcome";
    private static final Pattern NOTIFICATION_ID = Pattern.compile("data-notification-id=\"(\\d+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Notifier notifier;

    @Autowired
    TestClock clock;

    static int portals;
    Canopy canopy;
    TestMembers members;
    HttpBrowser admin;
    HttpBrowser employee;
    String portal;
    long portalId;
    long adminId;
    long employeeId;

    @BeforeEach
    void createPortalWithEmployee() {
        canopy = new Canopy(port);
        members = new TestMembers(jdbc);
        portal = "bells" + ++portals;
        admin = new HttpBrowser();
        employee = new HttpBrowser();
        canopy.register(admin, "ann@" + portal + ".example.com", "Ann Founder");
        canopy.createPortal(admin, "Bells Inc", portal);
        canopy.register(employee, "bob@" + portal + ".example.com", "Bob Builder");
        employeeId = members.addActive(portal, "bob@" + portal + ".example.com", "EMPLOYEE");
        adminId = members.memberId(portal, "ann@" + portal + ".example.com");
        portalId = members.portalId(portal);
    }

    @AfterEach
    void closeBrowsers() throws Exception {
        admin.close();
        employee.close();
    }

    @Test
    void bellShowsUnreadCount() {
        assertThat(employee.open(url("/")).body())
                .contains("data-testid=\"notification-bell\"")
                .doesNotContain("data-testid=\"unread-count\"");

        notifier.notifyMember(portalId, employeeId, WELCOME, List.of("Bells Inc"), "/structure");
        notifier.notifyMember(portalId, employeeId, WELCOME, List.of("Bells Inc"), null);

        assertThat(employee.open(url("/")).body()).contains("data-testid=\"unread-count\">2<");
        assertThat(admin.open(url("/")).body()).doesNotContain("data-testid=\"unread-count\"");
    }

    @Test
    void pageListsNewestFirstWithRenderedText() {
        notifier.notifyMember(portalId, employeeId, WELCOME, List.of("the older one"), "/structure");
        clock.advance(Duration.ofMinutes(5));
        notifier.notifyMember(portalId, employeeId, WELCOME, List.of("the <b>newer</b> one"), null);

        String page = employee.open(url("/notifications")).body();

        assertThat(page).contains("<a href=\"/structure\">Welcome to the older one.");
        assertThat(page).contains("Welcome to the &lt;b&gt;newer&lt;/b&gt; one.");
        assertThat(page.indexOf("newer")).isLessThan(page.indexOf("older"));
    }

    @Test
    void marksOneThenAllRead() {
        notifier.notifyMember(portalId, employeeId, WELCOME, List.of("one"), null);
        notifier.notifyMember(portalId, employeeId, WELCOME, List.of("two"), null);
        notifier.notifyMember(portalId, employeeId, WELCOME, List.of("three"), null);
        List<Long> ids = ids(employee.open(url("/notifications")).body());

        var one = employee.post(url("/notifications/" + ids.get(0) + "/read"));
        String afterOne = employee.open(url("/notifications")).body();
        var all = employee.post(url("/notifications/read-all"));
        String afterAll = employee.open(url("/notifications")).body();

        assertThat(one.status()).isEqualTo(302);
        assertThat(afterOne).contains("data-testid=\"unread-count\">2<");
        assertThat(all.status()).isEqualTo(302);
        assertThat(afterAll).doesNotContain("data-testid=\"unread-count\"");
        assertThat(afterAll).doesNotContain("data-testid=\"mark-read\"");
        assertThat(ids(afterAll)).hasSize(3);
    }

    @Test
    void notifiesActiveAdministratorsOnly() {
        notifier.notifyAdministrators(portalId, WELCOME, List.of("admins"), "/members");

        assertThat(admin.open(url("/notifications")).body()).contains("Welcome to admins.");
        assertThat(employee.open(url("/notifications")).body())
                .doesNotContain("Welcome to admins.")
                .contains("data-testid=\"no-notifications\"");
    }

    @Test
    void refusesLinksToOtherSites() {
        assertThatThrownBy(() ->
                        notifier.notifyMember(portalId, employeeId, WELCOME, List.of("x"), "https://example.com/"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> notifier.notifyMember(portalId, employeeId, WELCOME, List.of("x"), "//example.com/"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anotherMembersNotificationIsNotFound() {
        notifier.notifyMember(portalId, adminId, WELCOME, List.of("private"), null);
        long adminsNotification = ids(admin.open(url("/notifications")).body()).get(0);
        employee.open(url("/notifications"));

        var response = employee.post(url("/notifications/" + adminsNotification + "/read"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(admin.open(url("/")).body()).contains("data-testid=\"unread-count\">1<");
    }

    @Test
    void notificationOfAnotherPortalNeverShows() {
        String otherPortal = "other" + portal;
        admin.open(canopy.hub("/"));
        canopy.createPortal(admin, "Other Bells", otherPortal);
        long otherPortalId = members.portalId(otherPortal);
        long otherAdminId = members.memberId(otherPortal, "ann@" + portal + ".example.com");
        notifier.notifyMember(otherPortalId, otherAdminId, WELCOME, List.of("the other portal"), null);
        long foreignId = ids(admin.open(canopy.portal(otherPortal, "/notifications"))
                        .body())
                .get(0);

        String home = admin.open(url("/")).body();
        String list = admin.open(url("/notifications")).body();
        var foreignRead = admin.post(url("/notifications/" + foreignId + "/read"));

        assertThat(home).doesNotContain("data-testid=\"unread-count\"");
        assertThat(list).doesNotContain("the other portal");
        assertThat(foreignRead.status()).isEqualTo(404);
        assertThat(admin.open(canopy.portal(otherPortal, "/")).body()).contains("data-testid=\"unread-count\">1<");
    }

    @Test
    void skipsUnknownMember() {
        notifier.notifyMember(portalId, 999_999_999L, WELCOME, List.of("nobody"), null);

        assertThat(admin.open(url("/notifications")).body()).doesNotContain("nobody");
    }

    private String url(String path) {
        return canopy.portal(portal, path);
    }

    private static List<Long> ids(String page) {
        Matcher matcher = NOTIFICATION_ID.matcher(page);
        List<Long> ids = new java.util.ArrayList<>();
        while (matcher.find()) {
            ids.add(Long.parseLong(matcher.group(1)));
        }
        return ids;
    }
}
