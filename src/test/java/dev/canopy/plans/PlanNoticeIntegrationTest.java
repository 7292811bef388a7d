package dev.canopy.plans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.support.Canopy;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.HttpBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The notice on the Plan page comes only from the page's own redirects, never from a crafted link. */
@CanopyTest
class PlanNoticeIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void craftedNoticeIsNotShown() throws Exception {
        Canopy canopy = new Canopy(port);
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.register(browser, "bea@example.com", "Bea Admin");
            canopy.createPortal(browser, "Plan Notice Co", "plan-notice");

            var crafted = browser.get(canopy.portal("plan-notice", "/settings/plan?done=plan.trial.used"));
            var unknown = browser.get(canopy.portal("plan-notice", "/settings/plan?done=plan.made.up"));

            assertThat(crafted.status()).isEqualTo(200);
            assertThat(crafted.body()).doesNotContain("already used its trial");
            assertThat(unknown.body()).doesNotContain("plan.made.up");
        }
    }
}
