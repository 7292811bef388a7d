package dev.canopy.directory;

import java.util.Locale;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Builds every absolute link from the configured zones, scheme and port, and maps a request's host name to the hub
 * or a portal address. The request's {@code Host} header is only ever matched against these, never echoed.
 */
@Component
public class Addresses {

    private final SiteProperties site;
    private final Environment environment;

    Addresses(SiteProperties site, Environment environment) {
        this.site = site;
        this.environment = environment;
    }

    /** The hub's address with the given path, which must start with a slash. */
    public String hub(String path) {
        return origin(hubDomain()) + path;
    }

    /** The address of a portal, with the given path, which must start with a slash. */
    public String portal(String zone, String name, String path) {
        return origin(name + "." + zone(zone).domain()) + path;
    }

    /** The host name (without port) of a portal, as people type it. */
    public String portalHost(String zone, String name) {
        return name + "." + zone(zone).domain() + portSuffix();
    }

    public SiteProperties.Zone zone(String zoneName) {
        return site.zones().stream()
                .filter(zone -> zone.name().equals(zoneName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown zone " + zoneName));
    }

    public Optional<SiteProperties.Zone> findZone(String zoneName) {
        return site.zones().stream()
                .filter(zone -> zone.name().equals(zoneName))
                .findFirst();
    }

    public java.util.List<SiteProperties.Zone> zones() {
        return site.zones();
    }

    String hubDomain() {
        return site.zones().get(0).domain();
    }

    /** Classifies a host name, with or without a port, as the hub, a zone's bare domain, a portal address, or none. */
    public Host resolve(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return new Host.Unknown();
        }
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        if (colon > 0 && !host.endsWith("]")) {
            host = host.substring(0, colon);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.equals(hubDomain())) {
            return new Host.Hub();
        }
        SiteProperties.Zone best = null;
        for (SiteProperties.Zone zone : site.zones()) {
            if (host.equals(zone.domain())) {
                return new Host.ZoneRoot(zone.name());
            }
            boolean inZone = host.endsWith("." + zone.domain());
            if (inZone
                    && (best == null || zone.domain().length() > best.domain().length())) {
                best = zone;
            }
        }
        if (best == null) {
            return new Host.Unknown();
        }
        String name = host.substring(0, host.length() - best.domain().length() - 1);
        if (!AddressRules.wellFormed(name)) {
            return new Host.Unknown();
        }
        return new Host.PortalAddress(best.name(), name);
    }

    private String origin(String domain) {
        return site.scheme() + "://" + domain + portSuffix();
    }

    private String portSuffix() {
        int port = port();
        boolean defaultPort = (port == 80 && site.scheme().equals("http"))
                || (port == 443 && site.scheme().equals("https"));
        return defaultPort ? "" : ":" + port;
    }

    private int port() {
        if (site.publicPort() != null) {
            return site.publicPort();
        }
        return environment.getProperty(
                "local.server.port", Integer.class, environment.getProperty("server.port", Integer.class, 8080));
    }

    /** What a request's host name points at. */
    public sealed interface Host {

        /** The hub, on the first zone's bare domain. */
        record Hub() implements Host {}

        /** The bare domain of a zone other than the first, which redirects to the hub. */
        record ZoneRoot(String zone) implements Host {}

        /** A well-formed portal address; the portal itself may or may not exist. */
        record PortalAddress(String zone, String name) implements Host {}

        /** Anything else. */
        record Unknown() implements Host {}
    }
}
