package dev.canopy.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.support.Canopy;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.HttpBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

@CanopyTest
@TestPropertySource(properties = "canopy.demo=true")
@ExtendWith(OutputCaptureExtension.class)
class DemoDataIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoData demoData;

    @Test
    void fillsEmptyDatabaseWithGroupAndItsNetwork() {
        assertThat(count("select count(*) from directory.persons")).isEqualTo(33);
        assertThat(count("select count(*) from directory.portals")).isEqualTo(5);
        assertThat(count("""
                        select count(*) from directory.portals p join directory.networks n on n.id = p.network_id
                        where p.id <> n.main_portal_id
                        """)).isEqualTo(3);
        assertThat(count("select count(*) from directory.portals where name = 'larchwood' and plan = 'ENTERPRISE'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from directory.portals where name = 'larchwood-outlet' and plan = 'FREE'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from directory.portals where zone = 'eu'"))
                .isEqualTo(1);
        assertThat(count("""
                        select count(*) from (select person_id from directory.memberships
                        group by person_id having count(*) > 1) as several
                        """)).isGreaterThanOrEqualTo(3);
        assertThat(count("select count(*) from directory.memberships where position is null"))
                .isZero();
    }

    @Test
    void demoPersonSeesPopulatedPages() throws Exception {
        Canopy canopy = new Canopy(port);
        try (HttpBrowser browser = new HttpBrowser()) {
            browser.get(canopy.hub("/sign-in"));
            var signedIn = browser.post(
                    canopy.hub("/sign-in"), "email", "elena.rossi@larchwood.example", "password", DemoCompany.PASSWORD);
            assertThat(signedIn.status()).isEqualTo(302);

            String hub = browser.open(canopy.hub("/")).body();
            String structure =
                    browser.open(canopy.portal("larchwood", "/structure")).body();
            String members =
                    browser.open(canopy.portal("larchwood", "/members")).body();
            String europe = browser.open(canopy.portal("larchwood-eu", "eu.localhost", "/structure"))
                    .body();

            assertThat(hub)
                    .contains("Larchwood Group")
                    .contains("Larchwood North")
                    .contains("Larchwood Europe");
            assertThat(structure).contains("Key Accounts").contains("Head: James Whitfield");
            assertThat(structure).contains("Head: Margaret Holt");
            assertThat(members).contains("Daniel Okafor").contains("Yuki Tanaka");
            assertThat(europe).contains("Sales Europe").contains("Head: Marie Dubois");
        }
    }

    @Test
    void administratorFindsWelcomeNotification() throws Exception {
        Canopy canopy = new Canopy(port);
        try (HttpBrowser browser = new HttpBrowser()) {
            browser.get(canopy.hub("/sign-in"));
            browser.post(
                    canopy.hub("/sign-in"),
                    "email",
                    "fiona.macleod@larchwood.example",
                    "password",
                    DemoCompany.PASSWORD);

            String page = browser.open(canopy.portal("larchwood-north", "/notifications"))
                    .body();

            assertThat(page).contains("Welcome to Larchwood North.");
            assertThat(page).contains("Connected in the branch network with Larchwood Group.");
            assertThat(page).contains("data-testid=\"unread-count\">3<");
        }
    }

    @Test
    void leavesNonEmptyDatabaseAlone(CapturedOutput output) throws Exception {
        demoData.run(null);

        assertThat(count("select count(*) from directory.persons")).isEqualTo(33);
        assertThat(count("select count(*) from directory.portals")).isEqualTo(5);
        assertThat(output.getOut())
                .contains("Demo data not loaded, because this installation already has registered persons");
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
