package dev.canopy.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a test's application context at a fresh database on the shared test server. */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String database = TestDatabase.newDatabase();
        TestPropertyValues.of(
                        "canopy.db.url=" + TestDatabase.jdbcUrl(database),
                        "canopy.db.user=" + TestDatabase.OWNER,
                        "canopy.db.password=" + TestDatabase.OWNER_PASSWORD,
                        "canopy.db.app.user=" + TestDatabase.APP,
                        "canopy.db.app.password=" + TestDatabase.APP_PASSWORD)
                .applyTo(context);
    }
}
