package dev.canopy.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.support.Canopy;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.HttpBrowser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** An SMTP server that cannot be reached: the pages say that nothing was sent, and no half-made profile stays. */
@CanopyTest
class MailFailureIntegrationTest {

    static final String MAIL_FAILED = "The mail server could not be reached, so nothing was sent.";

    @DynamicPropertySource
    static void unreachableSmtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", MailFailureIntegrationTest::closedPort);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void registrationSaysMailFailed() throws Exception {
        Canopy canopy = new Canopy(port);
        try (HttpBrowser browser = new HttpBrowser()) {
            browser.get(canopy.hub("/register"));

            var response = browser.post(
                    canopy.hub("/register"), "email", "mo@example.com", "password", Canopy.PASSWORD, "name", "Mo");

            assertThat(response.status()).isEqualTo(503);
            assertThat(Canopy.formError(response)).startsWith(MAIL_FAILED);
            assertThat(jdbc.sql("select count(*) from directory.persons where email = 'mo@example.com'")
                            .query(Integer.class)
                            .single())
                    .isZero();
        }
    }

    @Test
    void passwordResetSaysMailFailed() throws Exception {
        Canopy canopy = new Canopy(port);
        jdbc.sql("""
                        insert into directory.persons (email, password_hash, name, created_at)
                        values ('lu@example.com', '{noop}unused', 'Lu', now())
                        """).update();
        try (HttpBrowser browser = new HttpBrowser()) {
            browser.get(canopy.hub("/password-reset"));

            var response = browser.post(canopy.hub("/password-reset"), "email", "lu@example.com");

            assertThat(response.status()).isEqualTo(503);
            assertThat(Canopy.formError(response)).startsWith(MAIL_FAILED);
            assertThat(jdbc.sql("select count(*) from directory.person_tokens")
                            .query(Integer.class)
                            .single())
                    .isZero();
        }
    }

    /** Returns a loopback port that nothing listens on, by binding a free one and releasing it. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
