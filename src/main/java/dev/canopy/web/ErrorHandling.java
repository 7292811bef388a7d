package dev.canopy.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into a plain page with a status and a sentence: refusals and bad parameters into 400, unknown
 * paths into 404, anything unexpected into 500. No stack trace or SQL ever reaches the browser.
 */
@ControllerAdvice
@Controller
class ErrorHandling implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    private final ErrorPages errorPages;

    ErrorHandling(ErrorPages errorPages) {
        this.errorPages = errorPages;
    }

    @ExceptionHandler(Refusal.class)
    void refusal(Refusal refusal, HttpServletRequest request, HttpServletResponse response) throws IOException {
        errorPages.render(request, response, 400, "error.badRequest", refusal.messageKey(), refusal.arguments());
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    void badParameter(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        errorPages.render(request, response, 400, "error.badRequest", "error.badRequest.message");
    }

    /** Tomcat raises this when a parameter cannot be decoded, such as a percent-encoded byte that is not UTF-8. */
    @ExceptionHandler(InvalidParameterException.class)
    void undecodableParameter(HttpServletRequest request, HttpServletResponse response) throws IOException {
        errorPages.render(request, response, 400, "error.badRequest", "error.badRequest.message");
    }

    @ExceptionHandler({NoResourceFoundException.class, NotFoundException.class})
    void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        errorPages.render(request, response, 404, "error.notFound", "error.notFound.message");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    void methodNotAllowed(HttpServletRequest request, HttpServletResponse response) throws IOException {
        errorPages.render(request, response, 405, "error.methodNotAllowed", "error.methodNotAllowed.message");
    }

    @ExceptionHandler(Exception.class)
    void unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (e instanceof org.springframework.web.ErrorResponse errorResponse
                && errorResponse.getStatusCode().is4xxClientError()) {
            errorPages.render(
                    request,
                    response,
                    errorResponse.getStatusCode().value(),
                    "error.badRequest",
                    "error.badRequest.message");
            return;
        }
        log.error("Request {} {} failed", request.getMethod(), loggablePath(request), e);
        errorPages.render(request, response, 500, "error.unexpected", "error.unexpected.message");
    }

    /**
     * Returns the matched route, such as {@code /join/{token}/accept}, rather than the request's path, because paths
     * carry invite codes and reset tokens that must not reach the log.
     */
    private static String loggablePath(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return pattern instanceof String route ? route : "(no matched route)";
    }

    /** Serves the container's error dispatch, for failures that happen outside any controller. */
    @RequestMapping("/error")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 500;
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof InvalidParameterException) {
            // A filter read the parameters before any controller ran.
            status = 400;
        }
        HttpStatus known = HttpStatus.resolve(status);
        if (known == HttpStatus.NOT_FOUND) {
            errorPages.render(request, response, 404, "error.notFound", "error.notFound.message");
        } else if (known == HttpStatus.FORBIDDEN) {
            errorPages.render(request, response, 403, "error.forbidden", "error.forbidden.message");
        } else if (known != null && known.is4xxClientError()) {
            errorPages.render(request, response, status, "error.badRequest", "error.badRequest.message");
        } else {
            errorPages.render(request, response, 500, "error.unexpected", "error.unexpected.message");
        }
    }
}
