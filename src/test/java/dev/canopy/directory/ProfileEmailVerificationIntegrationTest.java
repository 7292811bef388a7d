package dev.canopy.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.canopy.support.Canopy;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.HttpBrowser;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@CanopyTest
class ProfileEmailVerificationIntegrationTest {

    private static final int SMTP_PORT = freePort();
    private static final Pattern LINK = Pattern.compile("http://localhost:\\d+/profile/email/confirm\\?token=\\S+");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Test
    void newEmailTakesEffectOnlyThroughMailedLink() throws Exception {
        Canopy canopy = new Canopy(port);
        try (HttpBrowser browser = new HttpBrowser();
                HttpBrowser later = new HttpBrowser()) {
            canopy.register(browser, "first@verify.example.com", "Vera Verify");
            browser.open(canopy.hub("/profile"));

            var requested = browser.submit(
                    canopy.hub("/profile/email"),
                    "email",
                    "second@verify.example.com",
                    "currentPassword",
                    Canopy.PASSWORD);

            assertThat(requested.body()).contains("We sent a link to the new address.");
            assertThat(requested.body()).contains("Your email is first@verify.example.com.");
            String link = linkMailedTo("second@verify.example.com");
            var confirmed = later.open(link);
            assertThat(confirmed.status()).isEqualTo(200);
            assertThat(confirmed.body()).contains("Your profile now uses the new email.");
            assertThat(browser.open(canopy.hub("/profile")).body())
                    .contains("Your email is second@verify.example.com.");
            assertThat(later.open(link).status()).isEqualTo(400);
            canopy.signIn(later, "second@verify.example.com");
        }
    }

    @Test
    void linkFailsWhenAddressWasTakenMeanwhile() throws Exception {
        Canopy canopy = new Canopy(port);
        try (HttpBrowser browser = new HttpBrowser();
                HttpBrowser rival = new HttpBrowser()) {
            canopy.register(browser, "slow@verify.example.com", "Sid Slow");
            browser.open(canopy.hub("/profile"));
            browser.post(
                    canopy.hub("/profile/email"),
                    "email",
                    "wanted@verify.example.com",
                    "currentPassword",
                    Canopy.PASSWORD);
            String link = linkMailedTo("wanted@verify.example.com");
            canopy.register(rival, "wanted@verify.example.com", "Rita Rival");

            var confirmed = browser.open(link);

            assertThat(confirmed.status()).isEqualTo(400);
            assertThat(confirmed.body()).contains("Another profile already uses this email.");
            assertThat(browser.open(canopy.hub("/profile")).body()).contains("Your email is slow@verify.example.com.");
        }
    }

    private static String linkMailedTo(String recipient) throws Exception {
        MimeMessage mail = Arrays.stream(smtp.getReceivedMessagesForDomain(recipient))
                .filter(message -> GreenMailUtil.getBody(message).contains("/profile/email/confirm"))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("No email-change mail to " + recipient));
        Matcher matcher = LINK.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", ""));
        assertThat(matcher.find()).as("link in the mail to %s", recipient).isTrue();
        return matcher.group();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
