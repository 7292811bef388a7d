package dev.canopy.directory;

import dev.canopy.web.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks email and password, pausing an email after too many failures in a window. Each failure is written at once,
 * outside any surrounding transaction, so a refusal cannot roll it back.
 */
@Service
class SignIns {

    private static final Logger log = LoggerFactory.getLogger(SignIns.class);

    private final Persons persons;
    private final PasswordEncoder passwordEncoder;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration failureWindow;
    private final String unknownPersonHash;

    SignIns(
            Persons persons,
            PasswordEncoder passwordEncoder,
            JdbcClient jdbc,
            Clock clock,
            @Value("${canopy.sign-in.max-failures:5}") int maxFailures,
            @Value("${canopy.sign-in.failure-window:15m}") Duration failureWindow) {
        this.persons = persons;
        this.passwordEncoder = passwordEncoder;
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.failureWindow = failureWindow;
        this.unknownPersonHash = passwordEncoder.encode("unknown-person-placeholder");
    }

    /** Returns the person with this email and password, or raises a refusal that does not tell which was wrong. */
    Person authenticate(String email, String password) {
        String normalizedEmail = Persons.normalizeEmail(email);
        if (normalizedEmail.isEmpty() || password == null || password.isEmpty()) {
            throw new Refusal(null, "signIn.missing");
        }
        if (normalizedEmail.chars().anyMatch(Character::isISOControl)) {
            // No profile can have such an email, and PostgreSQL text cannot hold a NUL to look it up.
            throw new Refusal(null, "signIn.failed");
        }
        Instant now = clock.instant();
        Instant windowStart = now.minus(failureWindow);
        var recentFailures = jdbc.sql("""
                        select count(*) as failures, min(failed_at) as oldest from directory.sign_in_failures
                        where email = ? and failed_at > ?
                        """)
                .params(normalizedEmail, Persons.at(windowStart))
                .query((rows, n) ->
                        new Failures(rows.getInt("failures"), rows.getObject("oldest", OffsetDateTime.class)))
                .single();
        if (recentFailures.count() >= maxFailures) {
            Instant retryAt = recentFailures.oldest().toInstant().plus(failureWindow);
            long seconds = Duration.between(now, retryAt).toSeconds();
            long minutes = Math.max(1, (seconds + 59) / 60);
            throw new Refusal(null, "signIn.paused", minutes);
        }

        var person = persons.findByEmail(normalizedEmail);
        String hash = person.flatMap(found -> persons.passwordHash(found.id())).orElse(unknownPersonHash);
        boolean matches = passwordEncoder.matches(password, hash);
        if (person.isEmpty() || !matches) {
            jdbc.sql("insert into directory.sign_in_failures (email, failed_at) values (?, ?)")
                    .params(normalizedEmail, Persons.at(now))
                    .update();
            jdbc.sql("delete from directory.sign_in_failures where failed_at < ?")
                    .param(Persons.at(now.minus(failureWindow.multipliedBy(4))))
                    .update();
            log.info(
                    "Failed sign-in{}",
                    person.map(found -> " of person " + found.id()).orElse(" for an unknown email"));
            throw new Refusal(null, "signIn.failed");
        }
        return person.get();
    }

    private record Failures(int count, OffsetDateTime oldest) {}
}
