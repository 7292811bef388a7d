package dev.canopy.tenancy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final EmbeddedPostgres server;
    private final DatabaseConnections connections;
    private final DataDirectoryLock lock;

    private EmbeddedDatabase(EmbeddedPostgres server, DatabaseConnections connections, DataDirectoryLock lock) {
        this.server = server;
        this.connections = connections;
        this.lock = lock;
    }

    static EmbeddedDatabase start(Path dataDirectory) {
        Path root = dataDirectory.toAbsolutePath().normalize();
        Path postgresDirectory = root.resolve("postgres");
        DataDirectoryLock lock = DataDirectoryLock.acquire(root);
        try {
            Files.createDirectories(postgresDirectory);
            clearLeftoverServer(postgresDirectory);
            String superuserPassword = SuperuserAccess.password(root);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(postgresDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setConnectConfig("password", superuserPassword)
                    .start();
            SuperuserAccess.requirePasswords(server.getPostgresDatabase(), postgresDirectory, superuserPassword);
            DatabaseConnections connections = prepare(server);
            log.info("Embedded PostgreSQL started on port {} with data in {}", server.getPort(), postgresDirectory);
            return new EmbeddedDatabase(server, connections, lock);
        } catch (IOException e) {
            closeQuietly(lock, e);
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + postgresDirectory, e);
        } catch (java.sql.SQLException e) {
            closeQuietly(lock, e);
            throw new IllegalStateException(
                    "Could not set up password authentication of the embedded PostgreSQL in " + postgresDirectory
                            + ". If " + SuperuserAccess.PASSWORD_FILE + " was deleted, restore it.",
                    e);
        } catch (RuntimeException e) {
            closeQuietly(lock, e);
            throw e;
        }
    }

    DatabaseConnections connections() {
        return connections;
    }

    /**
     * Clears what a crash left in the data directory. A dead process's {@code postmaster.pid} is deleted, because
     * PostgreSQL refuses to start while the file names a live process. A PostgreSQL still running on this directory
     * is stopped, because zonky starts it as a separate process that outlives a Canopy killed with {@code kill -9}.
     * The data directory lock, taken before, proves that no running Canopy uses it.
     */
    private static void clearLeftoverServer(Path postgresDirectory) throws IOException {
        Path pidFile = postgresDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine =
                Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        var process = firstLine.matches("\\d{1,10}")
                ? ProcessHandle.of(Long.parseLong(firstLine)).filter(ProcessHandle::isAlive)
                : Optional.<ProcessHandle>empty();
        if (process.isPresent() && runsPostgresOn(process.get(), postgresDirectory)) {
            log.warn(
                    "Stopping PostgreSQL process {} left running on {} by a Canopy that ended",
                    firstLine,
                    postgresDirectory);
            stop(process.get());
        }
        if (Files.deleteIfExists(pidFile)) {
            log.warn("Removed stale postmaster.pid of process {} left by an earlier crash", firstLine);
        }
    }

    private static boolean runsPostgresOn(ProcessHandle process, Path postgresDirectory) {
        var info = process.info();
        boolean postgres =
                info.command().map(command -> command.endsWith("/postgres")).orElse(false);
        List<String> arguments = info.arguments().map(List::of).orElse(List.of());
        int option = arguments.indexOf("-D");
        if (!postgres || option < 0 || option + 1 >= arguments.size()) {
            return false;
        }
        try {
            return Files.isSameFile(Path.of(arguments.get(option + 1)), postgresDirectory);
        } catch (IOException e) {
            return false;
        }
    }

    /** Sends SIGTERM, which makes PostgreSQL shut down cleanly once its clients are gone, and waits for the exit. */
    private static void stop(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "PostgreSQL process " + process.pid() + " did not stop within " + STOP_TIMEOUT.toSeconds()
                            + " s. Stop it with kill -INT " + process.pid() + " and start Canopy again.");
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not wait for PostgreSQL process " + process.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping PostgreSQL process " + process.pid(), e);
        }
    }

    private static void closeQuietly(DataDirectoryLock lock, Exception failure) {
        try {
            lock.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
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
        try {
            server.close();
        } finally {
            lock.close();
        }
    }
}
