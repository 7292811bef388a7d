package dev.canopy.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.support.Canopy;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.HttpBrowser;
import dev.canopy.support.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The rules for a new portal's address, and what creating a portal sets up. */
@CanopyTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalAddressIntegrationTest {

    static final String LENGTH = "The address name must have 3 to 40 characters.";
    static final String CHARACTERS = "The address name can contain only lower-case letters, digits and hyphens.";
    static final String HYPHEN = "The address name cannot start or end with a hyphen.";
    static final String RESERVED = "This address name is reserved. Choose another.";

    @LocalServerPort
    int port;

    @Value("${canopy.db.url}")
    String databaseUrl;

    Canopy canopy;
    HttpBrowser founder;

    /** A superuser client of the test database, which sees past row-level security to count every row. */
    JdbcClient superuser;

    @BeforeAll
    void registerFounder() {
        canopy = new Canopy(port);
        founder = new HttpBrowser();
        canopy.register(founder, "pia@example.com", "Pia Founder");
        String database = databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1);
        superuser = JdbcClient.create(TestDatabase.server().getDatabase("postgres", database));
    }

    @AfterAll
    void closeBrowser() throws Exception {
        founder.close();
    }

    @Test
    void refusesMalformedAddressNames() {
        assertRefused("", "name", "Enter an address name.");
        assertRefused("ab", "name", LENGTH);
        assertRefused("a".repeat(41), "name", LENGTH);
        assertRefused("Acme", "name", CHARACTERS);
        assertRefused("ACME", "name", CHARACTERS);
        assertRefused("acme_co", "name", CHARACTERS);
        assertRefused("acme.co", "name", CHARACTERS);
        assertRefused("acmé", "name", CHARACTERS);
        assertRefused("acme co", "name", CHARACTERS);
        assertRefused("-acme", "name", HYPHEN);
        assertRefused("acme-", "name", HYPHEN);
    }

    @Test
    void refusesEveryReservedName() {
        for (String reserved : List.of(
                "www", "api", "admin", "app", "auth", "hub", "login", "sso", "mail", "static", "assets", "help",
                "support", "status")) {
            assertRefused(reserved, "name", RESERVED);
        }
    }

    @Test
    void refusesTakenNameInSameZone() {
        assertThat(create("Taken Corp", "taken-co", "default").status()).isEqualTo(302);

        assertRefused(
                "taken-co", "name", "taken-co.localhost:" + port + " is already taken. Choose another address name.");
    }

    @Test
    void refusesUnknownZone() {
        assertRefused("mars-co", "mars", "zone", "Choose one of the offered zones.");
        assertRefused("mars-co", "", "zone", "Choose one of the offered zones.");
    }

    @Test
    void refusesBadTitle() {
        assertRefusedTitle("", "Enter the company name.");
        assertRefusedTitle(
                "T".repeat(101), "The company name can have at most 100 characters and no control characters.");
        assertRefusedTitle(
                "Bell\u0007Corp", "The company name can have at most 100 characters and no control characters.");
    }

    @Test
    void sameNameIsFreeInAnotherZone() {
        var home = create("Twin Home", "twin", "default");
        var europe = create("Twin Europe", "twin", "eu");

        assertThat(home.location()).isEqualTo(canopy.portal("twin", "/"));
        assertThat(europe.location()).isEqualTo(canopy.portal("twin", "eu.localhost", "/"));
        var europePage = founder.open(europe.location());
        assertThat(europePage.status()).isEqualTo(200);
        assertThat(europePage.body()).contains("Twin Europe").doesNotContain("Twin Home");
        var homePage = founder.open(home.location());
        assertThat(homePage.body()).contains("Twin Home").doesNotContain("Twin Europe");
    }

    @Test
    void creatorBecomesAdministratorOfTopDepartment() {
        var created = create("Root Works", "root-works", "default");
        assertThat(created.status()).isEqualTo(302);
        long portalId = superuser
                .sql("select id from directory.portals where name = 'root-works'")
                .query(Long.class)
                .single();

        var membership = superuser.sql("""
                        select m.role || ' ' || m.state from directory.memberships m
                        join directory.persons p on p.id = m.person_id
                        where m.portal_id = ? and p.email = 'pia@example.com'
                        """).param(portalId).query(String.class).list();
        var topDepartments = superuser
                .sql("select name from portal.departments where portal_id = ? and parent_id is null")
                .param(portalId)
                .query(String.class)
                .list();
        int departmentMembers =
                superuser.sql("""
                        select count(*) from portal.department_members d
                        join directory.memberships m on m.portal_id = d.portal_id and m.id = d.member_id
                        join directory.persons p on p.id = m.person_id
                        where d.portal_id = ? and p.email = 'pia@example.com'
                        """).param(portalId).query(Integer.class).single();

        assertThat(membership).containsExactly("ADMINISTRATOR ACTIVE");
        assertThat(topDepartments).containsExactly("Root Works");
        assertThat(departmentMembers).isEqualTo(1);
        assertThat(founder.open(created.location()).body()).contains("Administrator");
        assertThat(founder.get(canopy.hub("/")).body()).contains("Root Works");
    }

    private HttpBrowser.Response create(String title, String name, String zone) {
        founder.get(canopy.hub("/portals/new"));
        return founder.post(canopy.hub("/portals"), "title", title, "name", name, "zone", zone);
    }

    private void assertRefused(String name, String field, String message) {
        assertRefused(name, "default", field, message);
    }

    private void assertRefused(String name, String zone, String field, String message) {
        Counts before = counts();

        var response = create("Refused Corp", name, zone);

        assertThat(response.status()).as("status for %s", name).isEqualTo(422);
        assertThat(Canopy.fieldError(response, field))
                .as("message for %s", name)
                .isEqualTo(message);
        assertThat(response.body()).as("typed title kept").contains("value=\"Refused Corp\"");
        assertThat(counts()).as("rows after refusing %s", name).isEqualTo(before);
    }

    private void assertRefusedTitle(String title, String message) {
        Counts before = counts();

        var response = create(title, "good-name", "default");

        assertThat(response.status()).isEqualTo(422);
        assertThat(Canopy.fieldError(response, "title")).isEqualTo(message);
        assertThat(counts()).isEqualTo(before);
    }

    private Counts counts() {
        return new Counts(count("directory.portals"), count("directory.memberships"), count("portal.departments"));
    }

    private int count(String table) {
        return superuser
                .sql("select count(*) from " + table)
                .query(Integer.class)
                .single();
    }

    private record Counts(int portals, int memberships, int departments) {}
}
