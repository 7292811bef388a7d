package dev.canopy.tenancy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Two pools on one database: a small one for the owner role, used only by Flyway, and the application pool, whose
 * role row-level security applies to.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    DatabaseServer databaseServer(DatabaseProperties properties, @Value("${canopy.data-dir:./data}") Path dataDir) {
        if (properties.external()) {
            return new DatabaseServer(ExternalDatabase.prepare(properties), Optional.empty());
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.start(dataDir);
        return new DatabaseServer(embedded.connections(), Optional.of(embedded));
    }

    @Bean(destroyMethod = "close")
    @FlywayDataSource
    HikariDataSource ownerDataSource(DatabaseServer server) {
        DatabaseConnections connections = server.connections();
        return pool("canopy-owner", connections.url(), connections.ownerUser(), connections.ownerPassword(), 2);
    }

    @Bean(destroyMethod = "close")
    @Primary
    HikariDataSource dataSource(DatabaseServer server, @Value("${canopy.db.pool-size:10}") int poolSize) {
        DatabaseConnections connections = server.connections();
        return pool("canopy-app", connections.url(), connections.appUser(), connections.appPassword(), poolSize);
    }

    @Bean
    FlywayConfigurationCustomizer applicationRolePlaceholder(DatabaseServer server) {
        String appRole = Roles.checkedName(server.connections().appUser());
        return configuration -> configuration.placeholders(Map.of("app_role", appRole));
    }

    private static HikariDataSource pool(String name, String url, String user, String password, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(Math.min(2, size));
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }

    /** The database Canopy talks to, and the embedded server behind it when there is one. */
    record DatabaseServer(DatabaseConnections connections, Optional<EmbeddedDatabase> embedded)
            implements AutoCloseable {

        @Override
        public void close() throws Exception {
            if (embedded.isPresent()) {
                embedded.get().close();
            }
        }
    }
}
