package dev.canopy.directory;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Canopy is reached.
 *
 * @param scheme {@code http} or {@code https}, used in every link Canopy builds
 * @param publicPort port in links; defaults to the port the server listens on, and 80 or 443 are left out
 * @param zones the zones, in order; the first zone's bare domain serves the hub
 */
@ConfigurationProperties("canopy")
public record SiteProperties(String scheme, Integer publicPort, List<Zone> zones) {

    public SiteProperties {
        scheme = scheme == null ? "http" : scheme;
        if (zones == null || zones.isEmpty()) {
            zones = List.of(new Zone("default", "localhost"), new Zone("eu", "eu.localhost"));
        }
    }

    /**
     * A region portals live in.
     *
     * @param name the zone's key, stored with each portal
     * @param domain the suffix of its portals' addresses
     */
    public record Zone(String name, String domain) {}
}
