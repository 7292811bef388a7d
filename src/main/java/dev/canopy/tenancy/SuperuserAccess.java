package dev.canopy.tenancy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Closes the embedded PostgreSQL to anyone without a password. zonky creates the server with trust authentication,
 * which would let any local user connect as its superuser; Canopy gives the superuser a random password, kept
 * readable only by its owner in the data directory, and makes every connection present its role's password.
 */
final class SuperuserAccess {

    static final String PASSWORD_FILE = "postgres-superuser.password";

    private static final String HBA = """
            # Written by Canopy at every start: every connection must give its role's password.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private SuperuserAccess() {}

    /** Returns the superuser's password, creating it on the first start. */
    static String password(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(PASSWORD_FILE);
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        String password = Roles.randomPassword();
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // A file system without POSIX permissions keeps the default ones.
        }
        return password;
    }

    /** Sets the superuser's password and, when needed, switches the server from trust to password authentication. */
    static void requirePasswords(DataSource superuser, Path postgresDirectory, String password)
            throws IOException, SQLException {
        try (Connection connection = superuser.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("alter role postgres with password '" + password.replace("'", "''") + "'");
            Path hba = postgresDirectory.resolve("pg_hba.conf");
            if (!HBA.equals(Files.readString(hba, StandardCharsets.UTF_8))) {
                Files.writeString(hba, HBA, StandardCharsets.UTF_8);
                statement.execute("select pg_reload_conf()");
            }
        }
    }
}
