package dev.canopy.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * An integration test of the whole application on a real port, with its own fresh database, a movable clock, and no
 * SMTP server unless the test configures one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "canopy.data-dir=target/test-data",
            "spring.session.jdbc.cleanup-cron=-",
            "canopy.scheduler.polling-interval=200ms"
        })
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@Import(TestClockConfiguration.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface CanopyTest {}
