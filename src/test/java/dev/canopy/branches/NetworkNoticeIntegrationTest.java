package dev.canopy.branches;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.support.Canopy;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.HttpBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The notice on the Branch network page comes only from the page's own redirects, never from a crafted link. */
@CanopyTest
class NetworkNoticeIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void craftedNoticeIsNotShown() throws Exception {
        Canopy canopy = new Canopy(port);
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.register(browser, "ann@example.com", "Ann Admin");
            canopy.createPortal(browser, "Notice Co", "notice-co");

            var unrelated = browser.get(canopy.portal("notice-co", "/settings/network?done=network.invite.failed"));
            var unknown = browser.get(canopy.portal("notice-co", "/settings/network?done=network.made.up"));
            var known = browser.get(canopy.portal("notice-co", "/settings/network?done=network.requestSent"));

            assertThat(unrelated.status()).isEqualTo(200);
            assertThat(unrelated.body()).doesNotContain("Nothing was sent");
            assertThat(unknown.body()).doesNotContain("network.made.up");
            assertThat(known.body()).contains("The request is sent.");
        }
    }
}
