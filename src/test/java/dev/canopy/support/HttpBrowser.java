package dev.canopy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.cookie.Cookie;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicNameValuePair;

/**
 * A scripted browser over real HTTP: resolves every {@code *.localhost} to the loopback address, keeps cookies per
 * host like a browser, follows no redirect by itself, and fills the CSRF field of forms from the last page it read
 * on each host.
 */
public class HttpBrowser implements AutoCloseable {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final BasicCookieStore cookies = new BasicCookieStore();
    private final Map<String, String> csrfByHost = new LinkedHashMap<>();
    private final CloseableHttpClient client;

    public HttpBrowser() {
        var dns = new SystemDefaultDnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                String name = host.toLowerCase(java.util.Locale.ROOT).replaceFirst("\\.$", "");
                if (name.equals("localhost") || name.endsWith(".localhost")) {
                    return new InetAddress[] {InetAddress.getLoopbackAddress()};
                }
                throw new UnknownHostException("Tests reach only *.localhost, not " + host);
            }
        };
        client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(dns)
                        .build())
                .setDefaultCookieStore(cookies)
                .setDefaultRequestConfig(
                        RequestConfig.custom().setRedirectsEnabled(false).build())
                .disableRedirectHandling()
                .build();
    }

    /** One answer: status, the Location header if any, the body, and the request's URL. */
    public record Response(int status, String location, String body, String url, Map<String, String> headers) {

        public boolean redirect() {
            return status >= 300 && status < 400;
        }
    }

    public Response get(String url) {
        return execute(new HttpGet(url), Map.of());
    }

    public Response get(String url, Map<String, String> headers) {
        return execute(new HttpGet(url), headers);
    }

    /** GETs the URL and follows redirects across hosts, as a browser would, up to ten times. */
    public Response open(String url) {
        Response response = get(url);
        for (int hops = 0; response.redirect() && hops < 10; hops++) {
            response =
                    get(URI.create(response.url()).resolve(response.location()).toString());
        }
        return response;
    }

    /** POSTs a form with the CSRF token of the host's last page added, without following the redirect. */
    public Response post(String url, String... namesAndValues) {
        return post(url, Map.of(), namesAndValues);
    }

    /** POSTs a form like {@link #post(String, String...)}, with extra request headers. */
    public Response post(String url, Map<String, String> headers, String... namesAndValues) {
        List<NameValuePair> fields = new ArrayList<>();
        String token = csrfByHost.get(URI.create(url).getHost());
        if (token != null) {
            fields.add(new BasicNameValuePair("_csrf", token));
        }
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            fields.add(new BasicNameValuePair(namesAndValues[i], namesAndValues[i + 1]));
        }
        HttpPost post = new HttpPost(url);
        post.setEntity(new UrlEncodedFormEntity(fields, StandardCharsets.UTF_8));
        return execute(post, headers);
    }

    /** POSTs a form without any CSRF field, as a forged cross-site form would. */
    public Response postWithoutCsrf(String url, String... namesAndValues) {
        List<NameValuePair> fields = new ArrayList<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            fields.add(new BasicNameValuePair(namesAndValues[i], namesAndValues[i + 1]));
        }
        HttpPost post = new HttpPost(url);
        post.setEntity(new UrlEncodedFormEntity(fields, StandardCharsets.UTF_8));
        return execute(post, Map.of());
    }

    /** Returns the value of this browser's cookie with the name on the host, or null when it has none. */
    public String cookie(String host, String name) {
        return cookies.getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name) && host.equalsIgnoreCase(cookie.getDomain()))
                .map(Cookie::getValue)
                .findFirst()
                .orElse(null);
    }

    /** POSTs a form, then follows redirects. */
    public Response submit(String url, String... namesAndValues) {
        Response response = post(url, namesAndValues);
        for (int hops = 0; response.redirect() && hops < 10; hops++) {
            response =
                    get(URI.create(response.url()).resolve(response.location()).toString());
        }
        return response;
    }

    public List<Cookie> cookies() {
        return cookies.getCookies();
    }

    private Response execute(HttpUriRequestBase request, Map<String, String> headers) {
        headers.forEach(request::addHeader);
        URI uri;
        try {
            uri = request.getUri();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
        try {
            return client.execute(request, answer -> {
                String body = answer.getEntity() == null
                        ? ""
                        : EntityUtils.toString(answer.getEntity(), StandardCharsets.UTF_8);
                Matcher csrf = CSRF.matcher(body);
                if (csrf.find()) {
                    csrfByHost.put(uri.getHost(), csrf.group(1));
                }
                Header location = answer.getFirstHeader("Location");
                Map<String, String> names = new LinkedHashMap<>();
                for (Header header : answer.getHeaders()) {
                    names.putIfAbsent(header.getName().toLowerCase(), header.getValue());
                }
                return new Response(
                        answer.getCode(), location == null ? null : location.getValue(), body, uri.toString(), names);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
