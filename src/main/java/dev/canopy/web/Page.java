package dev.canopy.web;

import java.util.List;
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
        Integer unreadNotifications,
        Banner banner) {

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

    /**
     * A warning shown above every page of a portal, with the actions that resolve it.
     *
     * @param testId the {@code data-testid} of the banner, which browser tests find it by
     * @param blocked whether the portal is already blocked for its members, which shows the banner in red
     */
    public record Banner(String testId, String text, boolean blocked, List<Action> actions) {}

    /**
     * A link or, when {@code post} is set, a button that posts a form.
     *
     * @param path a path on the portal's host
     */
    public record Action(String label, String path, boolean post, String testId) {}

    /** The portal whose host serves the page, as its top bar shows it. */
    public record PortalBar(String title, String address, boolean administrator) {}
}
