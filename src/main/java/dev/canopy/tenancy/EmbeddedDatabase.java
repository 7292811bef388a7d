package dev.canopy.tenancy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server Canopy runs itself when no external database is configured. Its data directory survives
 * restarts, and unlike zonky's test defaults it runs with {@code fsync} and {@code synchronous_commit} on.
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String DATABASE = "canopy";
    static final String OWNER_ROLE = "canopy_owner";
    static final String APP_ROLE = "canopy_app";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres server;
    private final DatabaseConnections connections;

    private EmbeddedDatabase(EmbeddedPostgres server, DatabaseConnections connections) {
        this.server = server;
        this.connections = connections;
    }

    static EmbeddedDatabase start(Path dataDirectory) {
        Path postgresDirectory = dataDirectory.toAbsolutePath().normalize().resolve("postgres");
        try {
            Files.createDirectories(postgresDirectory);
            removeStalePidFile(postgresDirectory);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(postgresDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            DatabaseConnections connections = prepare(server);
            log.info("Embedded PostgreSQL started on port {} with data in {}", server.getPort(), postgresDirectory);
            return new EmbeddedDatabase(server, connections);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + postgresDirectory, e);
        }
    }

    DatabaseConnections connections() {
        return connections;
    }

    /** A crash leaves postmaster.pid behind; PostgreSQL refuses to start while it names a live process. */
    private static void removeStalePidFile(Path postgresDirectory) throws IOException {
        Path pidFile = postgresDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine =
                Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        boolean alive = firstLine.matches("\\d+")
                && ProcessHandle.of(Long.parseLong(firstLine))
                        .map(ProcessHandle::isAlive)
                        .orElse(false);
        if (alive) {
            throw new IllegalStateException("PostgreSQL process " + firstLine + " still runs on " + postgresDirectory
                    + ": is another Canopy started with the same data directory?");
        }
        Files.delete(pidFile);
        log.warn("Removed stale postmaster.pid of process {} left by an earlier crash", firstLine);
    }

    private static DatabaseConnections prepare(EmbeddedPostgres server) {
        String ownerPassword = Roles.randomPassword();
        String appPassword = Roles.randomPassword();
        try (Connection superuser = server.getPostgresDatabase().getConnection()) {
            Roles.ensureLoginRole(superuser, OWNER_ROLE, ownerPassword, "");
            Roles.ensureLoginRole(superuser, APP_ROLE, appPassword, "nosuperuser nobypassrls nocreatedb nocreaterole");
            boolean exists;
            try (var statement = superuser.prepareStatement("select 1 from pg_database where datname = ?")) {
                statement.setString(1, DATABASE);
                try (var rows = statement.executeQuery()) {
                    exists = rows.next();
                }
            }
            if (!exists) {
                try (var statement = superuser.createStatement()) {
                    statement.execute("create database " + DATABASE + " owner " + OWNER_ROLE);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the roles of the embedded PostgreSQL", e);
        }
        String url = "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE;
        return new DatabaseConnections(url, OWNER_ROLE, ownerPassword, APP_ROLE, appPassword);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
