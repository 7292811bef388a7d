package dev.canopy.members;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.canopy.mail.Mailer;
import dev.canopy.support.Canopy;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.HttpBrowser;
import dev.canopy.support.TestClock;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@CanopyTest
@Import(RecordedEvents.class)
class InvitationMailIntegrationTest {

    private static final int SMTP_PORT = freePort();
    private static final Pattern VERIFY_LINK = Pattern.compile("http://localhost:\\d+/verify\\?token=[A-Za-z0-9_-]+");

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Mailer mailer;

    @Autowired
    TestClock clock;

    @Autowired
    RecordedEvents events;

    Canopy canopy;
    MemberSteps steps;

    @BeforeEach
    void setUp() {
        canopy = new Canopy(port);
        steps = new MemberSteps(canopy, jdbc, mailer);
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @Test
    void newPersonRegistersOnTheWayInAndLandsSignedIn() throws Exception {
        try (HttpBrowser admin = administrator("new-corp");
                HttpBrowser newcomer = new HttpBrowser()) {
            invite(admin, "new-corp", "nina@new.example");
            String link = lastLinkTo("nina@new.example");

            var landing = newcomer.get(link);
            var joined = newcomer.submit(link + "/register", "name", "Nina Newcomer", "password", Canopy.PASSWORD);

            assertThat(landing.status()).isEqualTo(200);
            assertThat(landing.body()).contains("New Corp").contains("nina@new.example");
            assertThat(joined.status()).isEqualTo(200);
            assertThat(joined.url()).isEqualTo(canopy.portal("new-corp", "/"));
            assertThat(joined.body()).contains("Nina Newcomer");
            assertThat(steps.state(steps.memberId("new-corp", "nina@new.example")))
                    .isEqualTo("ACTIVE");
            assertThat(newcomer.get(canopy.hub("/")).body())
                    .doesNotContain("data-testid=\"unverified\"")
                    .contains("New Corp");
            assertThat(events.all())
                    .contains(new InvitationAccepted(
                            steps.portalId("new-corp"), steps.memberId("new-corp", "nina@new.example")));
            assertThat(admin.get(canopy.portal("new-corp", "/notifications")).body())
                    .contains("Nina Newcomer accepted the invitation and joined the portal.");
        }
    }

    @Test
    void personWithProfileSignsInAndJoins() throws Exception {
        try (HttpBrowser admin = administrator("profile-corp");
                HttpBrowser paul = new HttpBrowser()) {
            canopy.register(paul, "paul@profile.example", "Paul Profile");
            paul.submit(canopy.hub("/sign-out"));
            invite(admin, "profile-corp", "paul@profile.example");
            String link = lastLinkTo("paul@profile.example");

            var landing = paul.get(link);
            var signIn = paul.get(canopy.hub("/sign-in?next=" + link.substring(link.indexOf("/invitations"))));
            var signedIn = paul.post(
                    canopy.hub("/sign-in"),
                    "email",
                    "paul@profile.example",
                    "password",
                    Canopy.PASSWORD,
                    "next",
                    link.substring(link.indexOf("/invitations")));
            var joinPage = paul.get(
                    URI.create(signedIn.url()).resolve(signedIn.location()).toString());
            var joined = paul.submit(link + "/accept");

            assertThat(landing.body()).contains("data-testid=\"sign-in-to-join\"");
            assertThat(signIn.status()).isEqualTo(200);
            assertThat(joinPage.body()).contains("data-testid=\"join-form\"");
            assertThat(joined.url()).isEqualTo(canopy.portal("profile-corp", "/"));
            assertThat(joined.body()).contains("Paul Profile");
            assertThat(jdbc.sql("select email_verified_at is not null from directory.persons where email = ?")
                            .param("paul@profile.example")
                            .query(Boolean.class)
                            .single())
                    .as("accepting a mailed invitation verifies the email")
                    .isTrue();
        }
    }

    @Test
    void usedLinkSaysSoAndWorksOnce() throws Exception {
        try (HttpBrowser admin = administrator("once-corp");
                HttpBrowser olga = new HttpBrowser();
                HttpBrowser other = new HttpBrowser()) {
            invite(admin, "once-corp", "olga@once.example");
            String link = lastLinkTo("olga@once.example");
            olga.get(link);
            olga.submit(link + "/register", "name", "Olga Once", "password", Canopy.PASSWORD);

            var again = other.get(link);
            var olgaAgain = olga.get(link);

            assertThat(again.status()).isEqualTo(410);
            assertThat(again.body()).contains("already used").doesNotContain("Once Corp");
            assertThat(olgaAgain.status()).isEqualTo(410);
        }
    }

    @Test
    void invitationExpiresAfterSevenDays() throws Exception {
        try (HttpBrowser admin = administrator("expiry-corp");
                HttpBrowser early = new HttpBrowser();
                HttpBrowser late = new HttpBrowser()) {
            invite(admin, "expiry-corp", "early@expiry.example");
            String earlyLink = lastLinkTo("early@expiry.example");
            invite(admin, "expiry-corp", "late@expiry.example");
            String lateLink = lastLinkTo("late@expiry.example");

            clock.advance(Duration.ofDays(7).minusMinutes(5));
            var beforeExpiry = early.get(earlyLink);
            clock.advance(Duration.ofMinutes(10));
            late.get(canopy.hub("/register"));
            var afterExpiry = late.get(lateLink);
            var registerAfterExpiry =
                    late.post(lateLink + "/register", "name", "Late Larry", "password", Canopy.PASSWORD);

            assertThat(beforeExpiry.status()).isEqualTo(200);
            assertThat(afterExpiry.status()).isEqualTo(410);
            assertThat(afterExpiry.body()).contains("expired");
            assertThat(registerAfterExpiry.status()).isEqualTo(410);
            assertThat(jdbc.sql("select count(*) from directory.persons where email = ?")
                            .param("late@expiry.example")
                            .query(Long.class)
                            .single())
                    .isZero();
            var list = admin.get(canopy.portal("expiry-corp", "/members?state=INVITED"));
            assertThat(list.body()).contains("invitation expired");
        }
    }

    @Test
    void resendKillsTheOldLink() throws Exception {
        try (HttpBrowser admin = administrator("resend-corp");
                HttpBrowser rita = new HttpBrowser()) {
            invite(admin, "resend-corp", "rita@resend.example");
            String oldLink = lastLinkTo("rita@resend.example");
            long invitationId = steps.openInvitationId("resend-corp", "rita@resend.example");
            admin.get(canopy.portal("resend-corp", "/members"));

            var resent = admin.post(canopy.portal("resend-corp", "/members/invitations/" + invitationId + "/resend"));
            String newLink = lastLinkTo("rita@resend.example");

            assertThat(resent.status()).isEqualTo(302);
            assertThat(newLink).isNotEqualTo(oldLink);
            assertThat(rita.get(oldLink).status()).isEqualTo(410);
            assertThat(rita.get(newLink).status()).isEqualTo(200);
        }
    }

    @Test
    void withdrawnLinkSaysSoAndTheRowGoes() throws Exception {
        try (HttpBrowser admin = administrator("withdraw-corp");
                HttpBrowser will = new HttpBrowser()) {
            invite(admin, "withdraw-corp", "will@withdraw.example");
            String link = lastLinkTo("will@withdraw.example");
            long invitationId = steps.openInvitationId("withdraw-corp", "will@withdraw.example");
            admin.get(canopy.portal("withdraw-corp", "/members"));

            var withdrawn =
                    admin.post(canopy.portal("withdraw-corp", "/members/invitations/" + invitationId + "/withdraw"));
            var opened = will.get(link);

            assertThat(withdrawn.status()).isEqualTo(302);
            assertThat(opened.status()).isEqualTo(410);
            assertThat(opened.body()).contains("withdrawn");
            assertThat(admin.get(canopy.portal("withdraw-corp", "/members")).body())
                    .doesNotContain("will@withdraw.example");
        }
    }

    @Test
    void mismatchedPersonSeesMismatchAndNothingChanges() throws Exception {
        try (HttpBrowser admin = administrator("mismatch-corp");
                HttpBrowser mallory = new HttpBrowser()) {
            canopy.register(mallory, "mallory@mismatch.example", "Mallory");
            invite(admin, "mismatch-corp", "mia@mismatch.example");
            String link = lastLinkTo("mia@mismatch.example");

            var landing = mallory.get(link);
            var accept = mallory.post(link + "/accept");

            assertThat(landing.status()).isEqualTo(409);
            assertThat(landing.body()).contains("different email").doesNotContain("mia@mismatch.example");
            assertThat(accept.status()).isEqualTo(409);
            assertThat(steps.state(steps.memberId("mismatch-corp", "mia@mismatch.example")))
                    .isEqualTo("INVITED");
            assertThat(jdbc.sql("select count(*) from directory.memberships m join directory.persons p"
                                    + " on p.id = m.person_id where p.email = ?")
                            .param("mallory@mismatch.example")
                            .query(Long.class)
                            .single())
                    .isZero();
            mallory.submit(canopy.hub("/sign-out"));
            assertThat(mallory.get(link).status()).as("the link still works").isEqualTo(200);
        }
    }

    @Test
    void tokenIsStoredHashedAndUnknownTokenRevealsNothing() throws Exception {
        try (HttpBrowser admin = administrator("secret-corp");
                HttpBrowser stranger = new HttpBrowser()) {
            invite(admin, "secret-corp", "sam@secret.example");
            String link = lastLinkTo("sam@secret.example");
            String token = link.substring(link.lastIndexOf('/') + 1);

            var unknown = stranger.get(canopy.hub("/invitations/" + "A".repeat(43)));
            var malformed = stranger.get(canopy.hub("/invitations/%27%3B--"));

            assertThat(jdbc.sql("select count(*) from directory.invitations where encode(token_hash, 'escape') like ?")
                            .param("%" + token + "%")
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.body()).doesNotContain("Secret Corp").doesNotContain("sam@secret.example");
            assertThat(malformed.status()).isIn(400, 404);
        }
    }

    @Test
    void addDirectlyActivatesVerifiedProfileAndInvitesOthers() throws Exception {
        try (HttpBrowser admin = administrator("add-corp");
                HttpBrowser vera = new HttpBrowser();
                HttpBrowser ulf = new HttpBrowser()) {
            canopy.register(vera, "vera@add.example", "Vera Verified");
            vera.open(lastVerifyLinkTo("vera@add.example"));
            canopy.register(ulf, "ulf@add.example", "Ulf Unverified");

            steps.addDirectly(admin, "add-corp", "vera@add.example");
            steps.addDirectly(admin, "add-corp", "ulf@add.example");

            long veraId = steps.memberId("add-corp", "vera@add.example");
            assertThat(steps.state(veraId)).isEqualTo("ACTIVE");
            assertThat(subjectsTo("vera@add.example")).anyMatch(subject -> subject.contains("added to Add Corp"));
            assertThat(vera.open(canopy.portal("add-corp", "/")).status()).isEqualTo(200);
            assertThat(steps.state(steps.memberId("add-corp", "ulf@add.example")))
                    .isEqualTo("INVITED");
            assertThat(subjectsTo("ulf@add.example")).anyMatch(subject -> subject.contains("invited to Add Corp"));
            assertThat(events.all()).contains(new MemberAdded(steps.portalId("add-corp"), veraId));
        }
    }

    @Test
    void hubListsPendingInvitationsAndAcceptsThem() throws Exception {
        try (HttpBrowser admin = administrator("hub-corp");
                HttpBrowser hana = new HttpBrowser()) {
            canopy.register(hana, "hana@hub.example", "Hana Hub");
            hana.open(lastVerifyLinkTo("hana@hub.example"));
            invite(admin, "hub-corp", "hana@hub.example");
            long invitationId = steps.openInvitationId("hub-corp", "hana@hub.example");

            var hub = hana.get(canopy.hub("/"));
            var joined = hana.submit(canopy.hub("/invitations/pending/" + invitationId + "/accept"));

            assertThat(hub.body())
                    .contains("data-testid=\"pending-invitation\"")
                    .contains("Hub Corp");
            assertThat(joined.url()).isEqualTo(canopy.portal("hub-corp", "/"));
            assertThat(hana.get(canopy.hub("/")).body()).doesNotContain("data-testid=\"pending-invitation\"");
        }
    }

    @Test
    void dismissedMemberIsInvitedBack() throws Exception {
        try (HttpBrowser admin = administrator("back-corp")) {
            HttpBrowser dan = new HttpBrowser();
            canopy.register(dan, "dan@back.example", "Dan Back");
            dan.open(lastVerifyLinkTo("dan@back.example"));
            steps.addDirectly(admin, "back-corp", "dan@back.example");
            long danId = steps.memberId("back-corp", "dan@back.example");
            admin.get(canopy.portal("back-corp", "/members"));
            admin.post(canopy.portal("back-corp", "/members/" + danId + "/dismiss"));

            var reinvited = admin.post(canopy.portal("back-corp", "/members/" + danId + "/reinvite"));
            String link = lastLinkTo("dan@back.example");
            dan.get(link);
            var joined = dan.submit(link + "/accept");

            assertThat(reinvited.status()).isEqualTo(302);
            assertThat(joined.url()).isEqualTo(canopy.portal("back-corp", "/"));
            assertThat(steps.state(danId)).isEqualTo("ACTIVE");
            dan.close();
        }
    }

    @Test
    void foreignInvitationIdsAreNotFoundAndChangeNothing() throws Exception {
        try (HttpBrowser annA = administrator("inv-a");
                HttpBrowser zoeB = administrator("inv-b");
                HttpBrowser ivy = new HttpBrowser()) {
            invite(zoeB, "inv-b", "ivy@invb.example");
            String link = lastLinkTo("ivy@invb.example");
            long invitationB = steps.openInvitationId("inv-b", "ivy@invb.example");
            annA.get(canopy.portal("inv-a", "/members"));

            var resend = annA.post(canopy.portal("inv-a", "/members/invitations/" + invitationB + "/resend"));
            var withdraw = annA.post(canopy.portal("inv-a", "/members/invitations/" + invitationB + "/withdraw"));
            annA.get(canopy.hub("/"));
            var acceptOthers = annA.post(canopy.hub("/invitations/pending/" + invitationB + "/accept"));

            assertThat(resend.status()).isEqualTo(404);
            assertThat(withdraw.status()).isEqualTo(404);
            assertThat(acceptOthers.status()).isEqualTo(404);
            assertThat(steps.openInvitationId("inv-b", "ivy@invb.example")).isEqualTo(invitationB);
            assertThat(ivy.get(link).status()).isEqualTo(200);
        }
    }

    private HttpBrowser administrator(String portalName) {
        HttpBrowser browser = new HttpBrowser();
        String email = "admin@" + portalName + ".example";
        canopy.register(browser, email, "Admin of " + portalName);
        browser.open(lastVerifyLinkTo(email));
        String title = Arrays.stream(portalName.split("-"))
                .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
                .reduce((a, b) -> a + " " + b)
                .orElseThrow();
        canopy.createPortal(browser, title, portalName);
        return browser;
    }

    private void invite(HttpBrowser admin, String portalName, String email) {
        admin.get(canopy.portal(portalName, "/members/invite"));
        var sent = admin.post(canopy.portal(portalName, "/members/invite"), "email", email);
        assertThat(sent.status()).as("invitation of %s", email).isEqualTo(302);
    }

    private String lastLinkTo(String recipient) {
        return MemberSteps.invitationLink(lastBodyTo(recipient, "invited"));
    }

    private String lastVerifyLinkTo(String recipient) {
        Matcher link = VERIFY_LINK.matcher(lastBodyTo(recipient, "Confirm"));
        assertThat(link.find()).isTrue();
        return link.group();
    }

    private String lastBodyTo(String recipient, String subjectPart) {
        try {
            String body = null;
            for (MimeMessage message : greenMail.getReceivedMessages()) {
                if (message.getRecipients(Message.RecipientType.TO)[0]
                                .toString()
                                .equals(recipient)
                        && message.getSubject().contains(subjectPart)) {
                    body = message.getContent().toString();
                }
            }
            assertThat(body).as("mail to %s about %s", recipient, subjectPart).isNotNull();
            return body;
        } catch (jakarta.mail.MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private java.util.List<String> subjectsTo(String recipient) throws Exception {
        java.util.List<String> subjects = new java.util.ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            if (message.getRecipients(Message.RecipientType.TO)[0].toString().equals(recipient)) {
                subjects.add(message.getSubject());
            }
        }
        return subjects;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
