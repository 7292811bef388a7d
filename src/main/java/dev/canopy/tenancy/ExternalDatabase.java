package dev.canopy.tenancy;

import java.sql.DriverManager;
import java.sql.SQLException;

/** Prepares an external PostgreSQL given by {@code CANOPY_DB_*}, creating the application role when none is given. */
final class ExternalDatabase {

    static final String DEFAULT_APP_ROLE = "canopy_app";

    private ExternalDatabase() {}

    static DatabaseConnections prepare(DatabaseProperties properties) {
        if (properties.user() == null || properties.user().isBlank()) {
            throw new IllegalStateException("CANOPY_DB_URL is set but CANOPY_DB_USER is missing: name the owner role.");
        }
        if (properties.app().given()) {
            return new DatabaseConnections(
                    properties.url(),
                    properties.user(),
                    properties.password(),
                    properties.app().user(),
                    properties.app().password());
        }
        String appPassword = Roles.randomPassword();
        try (var owner = DriverManager.getConnection(properties.url(), properties.user(), properties.password())) {
            Roles.ensureLoginRole(
                    owner, DEFAULT_APP_ROLE, appPassword, "nosuperuser nobypassrls nocreatedb nocreaterole");
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not create the application role " + DEFAULT_APP_ROLE
                            + " as " + properties.user() + ": give the owner CREATEROLE, or set CANOPY_DB_APP_USER and"
                            + " CANOPY_DB_APP_PASSWORD to an existing role",
                    e);
        }
        return new DatabaseConnections(
                properties.url(), properties.user(), properties.password(), DEFAULT_APP_ROLE, appPassword);
    }
}
