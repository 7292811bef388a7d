package dev.canopy.web;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Renders the plain error pages (not found, forbidden, bad request) where no controller runs, such as in filters.
 * They name nothing of the portal or record involved.
 */
@Component
public class ErrorPages {

    private final TemplateEngine templates;
    private final Pages pages;

    ErrorPages(TemplateEngine templates, Pages pages) {
        this.templates = templates;
        this.pages = pages;
    }

    public void render(
            HttpServletRequest request,
            HttpServletResponse response,
            int status,
            String headingKey,
            String messageKey,
            Object... arguments)
            throws IOException {
        Page page = pages.page(request, headingKey);
        ErrorView error = new ErrorView(status, page.msg(headingKey), page.msg(messageKey, arguments));
        Utf8ByteOutput output = new Utf8ByteOutput();
        templates.render("error.jte", Map.of("page", page, "error", error), output);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(output.getContentLength());
        output.writeTo(response.getOutputStream());
    }

    /** What an error page says. */
    public record ErrorView(int status, String heading, String message) {}
}
