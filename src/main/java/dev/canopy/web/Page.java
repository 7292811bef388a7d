package dev.canopy.web;

import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * What the layout needs on every page: the title, the CSRF token for forms, messages in the reader's language, who
 * is signed in and, on a portal's host, the portal's top bar.
 */
public record Page(
        String title,
        Csrf csrf,
        MessageSource messages,
        Locale locale,
        Viewer viewer,
        PortalBar portal,
        String hubUrl,
        String currentPath,
        boolean networkWidget,
        Integer unreadNotifications) {

    /** Returns the message for the key in the page's language. */
    public String msg(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }

    public boolean signedIn() {
        return viewer != null;
    }

    /** Whether the top bar shows the notification bell, which it does on portal pages that know the count. */
    public boolean showsBell() {
        return unreadNotifications != null;
    }

    public boolean onPortal() {
        return portal != null;
    }

    /** The hidden form field that carries the CSRF token. */
    public record Csrf(String parameterName, String headerName, String token) {}

    /** The signed-in person as the top bar shows them. */
    public record Viewer(String name, String email, boolean operator) {}

    /** The portal whose host serves the page, as its top bar shows it. */
    public record PortalBar(String title, String address, boolean administrator) {}
}
