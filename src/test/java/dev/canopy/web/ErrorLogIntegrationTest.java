package dev.canopy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.support.CanopyTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

/** What the log says about a request that failed unexpectedly: the route, never the secret in its path. */
@CanopyTest
@ExtendWith(OutputCaptureExtension.class)
class ErrorLogIntegrationTest {

    @Autowired
    ErrorHandling errorHandling;

    @Test
    void failedRequestLogsRouteWithoutToken(CapturedOutput output) throws Exception {
        var request = new MockHttpServletRequest("POST", "/join/Secret-Invite-Code-123/accept");
        request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/join/{token}/accept");
        var response = new MockHttpServletResponse();

        errorHandling.unexpected(new IllegalStateException("boom"), request, response);

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(output.getOut()).contains("Request POST /join/{token}/accept failed");
        assertThat(output.getOut()).doesNotContain("Secret-Invite-Code-123");
    }
}
