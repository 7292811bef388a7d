package dev.canopy.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.support.Canopy;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.HttpBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@CanopyTest
class PortalSignInIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void creatorArrivesSignedInOnNewPortal() throws Exception {
        Canopy canopy = new Canopy(port);
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.register(browser, "ann@example.com", "Ann Founder");

            var portalHome = canopy.createPortal(browser, "Acme Corp", "acme");

            assertThat(portalHome.status()).isEqualTo(200);
            assertThat(portalHome.url()).isEqualTo(canopy.portal("acme", "/"));
            assertThat(portalHome.body()).contains("Acme Corp").contains("Ann Founder");
        }
    }
}
