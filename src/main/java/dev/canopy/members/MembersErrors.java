package dev.canopy.members;

import dev.canopy.web.ErrorPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Turns this module's not-found and administrators-only exceptions into plain 404 and 403 pages. */
@ControllerAdvice(basePackageClasses = MembersErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class MembersErrors {

    private final ErrorPages errorPages;

    MembersErrors(ErrorPages errorPages) {
        this.errorPages = errorPages;
    }

    @ExceptionHandler(NotFound.class)
    void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        errorPages.render(request, response, 404, "error.notFound", "error.notFound.message");
    }

    @ExceptionHandler(AdministratorsOnly.class)
    void administratorsOnly(HttpServletRequest request, HttpServletResponse response) throws IOException {
        errorPages.render(request, response, 403, "error.forbidden", "members.administratorsOnly");
    }
}
