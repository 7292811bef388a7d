package dev.canopy.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Supplies browser tests with one headless Debian Chromium ({@code /usr/bin/chromium}) per test JVM. The browser is
 * started on first use and closed when the JVM's tests end. Each test opens its own {@code BrowserContext}, so tests
 * share no cookies.
 */
public class Chromium implements ParameterResolver {

    public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    /**
     * Launch arguments. Chromium starts no sandbox as root (as in CI containers), and the other switches stop its
     * background calls to outside services, so a run needs no network.
     */
    private static final List<String> ARGUMENTS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync");

    /**
     * Time an assertion waits for the page to match. Playwright's default of 5 s is too short for the sign-in
     * redirects on a busy CI machine.
     */
    private static final double ASSERTION_TIMEOUT_MILLISECONDS = 20_000;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Chromium.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Browser resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return extension
                .getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(SharedBrowser.class, key -> SharedBrowser.launch(), SharedBrowser.class)
                .browser();
    }

    /** The Playwright driver and the browser it launched. JUnit closes both when the root context ends. */
    record SharedBrowser(Playwright playwright, Browser browser) implements AutoCloseable {

        static SharedBrowser launch() {
            PlaywrightAssertions.setDefaultAssertionTimeout(ASSERTION_TIMEOUT_MILLISECONDS);
            Playwright playwright = Playwright.create();
            try {
                Browser browser = playwright
                        .chromium()
                        .launch(new BrowserType.LaunchOptions()
                                .setExecutablePath(EXECUTABLE)
                                .setHeadless(true)
                                .setArgs(ARGUMENTS));
                return new SharedBrowser(playwright, browser);
            } catch (RuntimeException e) {
                playwright.close();
                throw e;
            }
        }

        @Override
        public void close() {
            browser.close();
            playwright.close();
        }
    }
}
