package dev.canopy.tenancy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Connection settings for an external PostgreSQL, bound from {@code CANOPY_DB_URL}, {@code CANOPY_DB_USER},
 * {@code CANOPY_DB_PASSWORD}, {@code CANOPY_DB_APP_USER} and {@code CANOPY_DB_APP_PASSWORD}. Without a URL, Canopy
 * runs its own embedded PostgreSQL with data in {@code canopy.data-dir}.
 *
 * @param url JDBC URL of the database, or empty for the embedded server
 * @param user owner role that runs the migrations
 * @param password password of the owner role
 * @param app role the application connects as; created by the owner when not given
 */
@ConfigurationProperties("canopy.db")
public record DatabaseProperties(String url, String user, String password, App app) {

    public DatabaseProperties {
        app = app == null ? new App(null, null) : app;
    }

    boolean external() {
        return url != null && !url.isBlank();
    }

    /** The application role: neither superuser nor BYPASSRLS, and owner of nothing. */
    public record App(String user, String password) {

        boolean given() {
            return user != null && !user.isBlank();
        }
    }
}
