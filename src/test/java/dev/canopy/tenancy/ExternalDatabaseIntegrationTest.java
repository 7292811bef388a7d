package dev.canopy.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.CanopyApplication;
import dev.canopy.support.Canopy;
import dev.canopy.support.HttpBrowser;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Canopy on a PostgreSQL it does not run itself, as an administrator would set it up: an owner role with CREATEROLE
 * (not a superuser) and a database it owns. Runs its own server so that the roles it creates touch no other test.
 */
class ExternalDatabaseIntegrationTest {

    private static final String OWNER = "site_owner";
    private static final String OWNER_PASSWORD = "owner-password";

    private static EmbeddedPostgres server;

    @BeforeAll
    static void startServer() throws Exception {
        server = EmbeddedPostgres.builder().start();
        asSuperuser("create role " + OWNER + " login createrole password '" + OWNER_PASSWORD + "'");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void servesPagesAsCreatedApplicationRole() throws Exception {
        String database = newDatabase("canopy_created_role");

        try (ConfigurableApplicationContext canopy = start(database, Map.of())) {
            Canopy site = new Canopy(port(canopy));
            try (HttpBrowser browser = new HttpBrowser()) {
                site.register(browser, "ann@example.com", "Ann Founder");
                var portalHome = site.createPortal(browser, "Acme Corp", "acme");

                assertThat(portalHome.status()).isEqualTo(200);
                assertThat(portalHome.body()).contains("Acme Corp").contains("Ann Founder");
            }

            JdbcClient app = JdbcClient.create(canopy.getBean("dataSource", DataSource.class));
            assertThat(app.sql("select current_user").query(String.class).single())
                    .isEqualTo(ExternalDatabase.DEFAULT_APP_ROLE);
            assertThat(app.sql("select count(*) from portal.departments")
                            .query(Long.class)
                            .single())
                    .as("departments the application role sees without a portal context")
                    .isZero();
        }

        JdbcClient superuser = JdbcClient.create(server.getDatabase("postgres", database));
        assertThat(superuser
                        .sql("select count(*) from portal.departments")
                        .query(Long.class)
                        .single())
                .as("departments in the database")
                .isEqualTo(1);
        assertThat(superuser
                        .sql("select rolsuper or rolbypassrls or rolcreaterole or rolcreatedb from pg_roles"
                                + " where rolname = ?")
                        .param(ExternalDatabase.DEFAULT_APP_ROLE)
                        .query(Boolean.class)
                        .single())
                .as("the created application role has any privilege beyond login")
                .isFalse();
        assertThat(superuser
                        .sql("select distinct tableowner from pg_tables where schemaname in ('directory', 'portal')")
                        .query(String.class)
                        .list())
                .as("owners of Canopy's tables")
                .containsExactly(OWNER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"superuser", "bypassrls"})
    void rejectsRoleThatBypassesRls(String privilege) throws Exception {
        String database = newDatabase("canopy_" + privilege + "_app");
        String role = "app_with_" + privilege;
        asSuperuser("create role " + role + " login " + privilege + " password 'app-password'");

        assertThatThrownBy(() -> start(
                                database, Map.of("canopy.db.app.user", role, "canopy.db.app.password", "app-password"))
                        .close())
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Database role " + role + " is a superuser or has BYPASSRLS");
    }

    private static ConfigurableApplicationContext start(String database, Map<String, Object> extraProperties) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.session.jdbc.cleanup-cron", "-");
        properties.put("canopy.db.url", "jdbc:postgresql://localhost:" + server.getPort() + "/" + database);
        properties.put("canopy.db.user", OWNER);
        properties.put("canopy.db.password", OWNER_PASSWORD);
        properties.putAll(extraProperties);
        return new SpringApplicationBuilder(CanopyApplication.class)
                .properties(properties)
                .run();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static String newDatabase(String name) throws SQLException {
        asSuperuser("create database " + name + " owner " + OWNER);
        return name;
    }

    private static void asSuperuser(String sql) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
