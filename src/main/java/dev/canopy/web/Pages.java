package dev.canopy.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * Builds the {@link Page} of a request. The directory module puts the signed-in person and the portal into request
 * attributes before any controller runs, so this module needs nothing of its internals.
 */
@Component
public class Pages {

    public static final String VIEWER_ATTRIBUTE = Pages.class.getName() + ".viewer";
    public static final String PORTAL_ATTRIBUTE = Pages.class.getName() + ".portal";
    public static final String HUB_URL_ATTRIBUTE = Pages.class.getName() + ".hubUrl";
    public static final String NETWORK_WIDGET_ATTRIBUTE = Pages.class.getName() + ".networkWidget";
    /** Request attribute with the signed-in member's unread notification count, set on portal pages. */
    public static final String UNREAD_NOTIFICATIONS_ATTRIBUTE = Pages.class.getName() + ".unreadNotifications";

    /** Request attribute with the {@link Page.Banner} shown above a portal page, if any. */
    public static final String BANNER_ATTRIBUTE = Pages.class.getName() + ".banner";

    private final MessageSource messages;

    Pages(MessageSource messages) {
        this.messages = messages;
    }

    /** Returns the page model with a title taken from the message key. */
    public Page page(HttpServletRequest request, String titleKey, Object... titleArguments) {
        Locale locale = LocaleContextHolder.getLocale();
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        Page.Csrf csrf =
                token == null ? null : new Page.Csrf(token.getParameterName(), token.getHeaderName(), token.getToken());
        String hubUrl = (String) request.getAttribute(HUB_URL_ATTRIBUTE);
        String title = messages.getMessage(titleKey, titleArguments, titleKey, locale);
        return new Page(
                title,
                csrf,
                messages,
                locale,
                (Page.Viewer) request.getAttribute(VIEWER_ATTRIBUTE),
                (Page.PortalBar) request.getAttribute(PORTAL_ATTRIBUTE),
                hubUrl == null ? "/" : hubUrl,
                request.getRequestURI(),
                Boolean.TRUE.equals(request.getAttribute(NETWORK_WIDGET_ATTRIBUTE)),
                (Integer) request.getAttribute(UNREAD_NOTIFICATIONS_ATTRIBUTE),
                (Page.Banner) request.getAttribute(BANNER_ATTRIBUTE));
    }

    public String msg(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}
