package dev.canopy.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseIntegrationTest {

    @TempDir
    Path dataDirectory;

    @Test
    @Timeout(120)
    void startsAfterCanopyWasKilled() throws Exception {
        Process killed = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        StartAndWait.class.getName(),
                        dataDirectory.toString())
                .redirectErrorStream(true)
                .start();
        try (var output = new BufferedReader(new InputStreamReader(killed.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(output.lines().anyMatch(StartAndWait.READY::equals))
                    .as("the first Canopy started its database")
                    .isTrue();
        }
        killed.destroyForcibly().waitFor();
        long leftoverPid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postgres/postmaster.pid"))
                .get(0)
                .trim());
        assertThat(ProcessHandle.of(leftoverPid).filter(ProcessHandle::isAlive))
                .as("PostgreSQL outlives the killed Canopy")
                .isPresent();

        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory)) {
            assertThat(ProcessHandle.of(leftoverPid).filter(ProcessHandle::isAlive))
                    .as("the leftover server is stopped")
                    .isEmpty();
            assertThat(currentUser(database.connections())).isEqualTo(EmbeddedDatabase.APP_ROLE);
        } finally {
            ProcessHandle.of(leftoverPid).ifPresent(ProcessHandle::destroy);
        }
    }

    @Test
    void rejectsSecondCanopyOnSameDataDirectory() throws Exception {
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dataDirectory)) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(dataDirectory))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Another Canopy runs with the data directory");

            assertThat(currentUser(first.connections()))
                    .as("the first server still serves")
                    .isEqualTo(EmbeddedDatabase.APP_ROLE);
        }
    }

    @Test
    void refusesConnectionsWithoutPasswordAcrossRestarts() throws Exception {
        for (int start = 0; start < 2; start++) {
            try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory)) {
                String url = database.connections().url();
                String password = Files.readString(dataDirectory.resolve(SuperuserAccess.PASSWORD_FILE))
                        .trim();

                assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", ""))
                        .as("superuser without password, start %d", start)
                        .isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "wrong"))
                        .isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> DriverManager.getConnection(url, EmbeddedDatabase.APP_ROLE, "wrong"))
                        .isInstanceOf(SQLException.class);
                try (var superuser = DriverManager.getConnection(url, "postgres", password)) {
                    assertThat(superuser.isValid(5)).isTrue();
                }
                assertThat(currentUser(database.connections())).isEqualTo(EmbeddedDatabase.APP_ROLE);
            }
        }
        assertThat(Files.getPosixFilePermissions(dataDirectory.resolve(SuperuserAccess.PASSWORD_FILE)))
                .containsExactlyInAnyOrder(
                        java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    private static String currentUser(DatabaseConnections connections) throws SQLException {
        try (var connection = DriverManager.getConnection(
                        connections.url(), connections.appUser(), connections.appPassword());
                var rows = connection.createStatement().executeQuery("select current_user")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** Starts the embedded database on the given directory like Canopy does, then waits to be killed. */
    static class StartAndWait {

        static final String READY = "database ready";

        public static void main(String[] arguments) throws InterruptedException {
            EmbeddedDatabase.start(Path.of(arguments[0]));
            System.out.println(READY);
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
