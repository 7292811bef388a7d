package dev.canopy.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

/** Addresses and common steps of a running Canopy under test. */
public final class Canopy {

    private final int port;

    public Canopy(int port) {
        this.port = port;
    }

    public String hub(String path) {
        return "http://localhost:" + port + path;
    }

    public String portal(String name, String path) {
        return "http://" + name + ".localhost:" + port + path;
    }

    public String portal(String name, String zoneDomain, String path) {
        return "http://" + name + "." + zoneDomain + ":" + port + path;
    }

    /** Registers a person and leaves the browser signed in on the hub's home page, with its new CSRF token. */
    public void register(HttpBrowser browser, String email, String name) {
        browser.get(hub("/register"));
        var response =
                browser.post(hub("/register"), "email", email, "password", "correct horse battery", "name", name);
        assertThat(response.status()).as("registration of %s", email).isEqualTo(302);
        browser.get(hub("/"));
    }

    public void signIn(HttpBrowser browser, String email) {
        browser.get(hub("/sign-in"));
        var response = browser.post(hub("/sign-in"), "email", email, "password", "correct horse battery");
        assertThat(response.status()).as("sign-in of %s", email).isEqualTo(302);
        browser.get(hub("/"));
    }

    /** Returns the message shown next to a form field, or null when the page shows none for it. */
    public static String fieldError(HttpBrowser.Response page, String field) {
        var matcher = Pattern.compile("id=\"" + Pattern.quote(field) + "-error\" role=\"alert\">([^<]*)<")
                .matcher(page.body());
        return matcher.find() ? matcher.group(1) : null;
    }

    /** Returns the message shown above a form, or null when the page shows none. */
    public static String formError(HttpBrowser.Response page) {
        var matcher =
                Pattern.compile("class=\"form-error\" role=\"alert\">([^<]*)<").matcher(page.body());
        return matcher.find() ? matcher.group(1) : null;
    }

    /** Creates a portal as the signed-in person and follows the sign-in into it. */
    public HttpBrowser.Response createPortal(HttpBrowser browser, String title, String name) {
        browser.get(hub("/portals/new"));
        var created = browser.post(hub("/portals"), "title", title, "name", name, "zone", "default");
        assertThat(created.status()).as("creation of %s", name).isEqualTo(302);
        return browser.open(created.location());
    }

    public static final String PASSWORD = "correct horse battery";
}
