package dev.canopy.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;

/**
 * One embedded PostgreSQL per test JVM, with a template database migrated once; every Spring context gets a fresh
 * database copied from the template, so test classes never see each other's rows.
 */
public final class TestDatabase {

    public static final String OWNER = "canopy_owner";
    public static final String OWNER_PASSWORD = "owner-test-password";
    public static final String APP = "canopy_app";
    public static final String APP_PASSWORD = "app-test-password";
    private static final String TEMPLATE = "canopy_template";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabase() {}

    /** Creates a fresh migrated database and returns its name. */
    public static synchronized String newDatabase() {
        EmbeddedPostgres postgres = server();
        String name = "canopy_test_" + COUNTER.incrementAndGet();
        execute(postgres, "create database " + name + " template " + TEMPLATE + " owner " + OWNER);
        return name;
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the test PostgreSQL", e);
            }
            execute(server, "create role " + OWNER + " login password '" + OWNER_PASSWORD + "'");
            execute(server, "create role " + APP + " login nosuperuser nobypassrls password '" + APP_PASSWORD + "'");
            execute(server, "create database " + TEMPLATE + " owner " + OWNER);
            Flyway.configure()
                    .dataSource(jdbcUrl(TEMPLATE), OWNER, OWNER_PASSWORD)
                    .defaultSchema("directory")
                    .schemas("directory")
                    .createSchemas(true)
                    .placeholders(Map.of("app_role", APP))
                    .load()
                    .migrate();
        }
        return server;
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + database;
    }

    private static void execute(EmbeddedPostgres postgres, String sql) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Failed: " + sql, e);
        }
    }
}
