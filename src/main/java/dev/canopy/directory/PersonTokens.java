package dev.canopy.directory;

import dev.canopy.web.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Mailed single-use links; only the SHA-256 hash of each token is stored. */
@Repository
class PersonTokens {

    enum Purpose {
        VERIFY_EMAIL,
        RESET_PASSWORD,
        CHANGE_EMAIL
    }

    record Redeemed(long personId, String email) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    PersonTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    String issue(long personId, Purpose purpose, String email, Instant expiresAt) {
        String token = Tokens.generate();
        jdbc.sql("""
                        insert into directory.person_tokens (token_hash, person_id, purpose, email, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        Tokens.hash(token),
                        personId,
                        purpose.name(),
                        email,
                        Persons.at(clock.instant()),
                        Persons.at(expiresAt))
                .update();
        return token;
    }

    /** Uses the token once, or raises a refusal that says whether it was unknown, used or expired. */
    Redeemed redeem(String token, Purpose purpose) {
        check(token, purpose);
        var redeemed = jdbc.sql("""
                        update directory.person_tokens set used_at = ?
                        where token_hash = ? and purpose = ? and used_at is null and expires_at > ?
                        returning person_id, email
                        """)
                .params(Persons.at(clock.instant()), Tokens.hash(token), purpose.name(), Persons.at(clock.instant()))
                .query((rows, n) -> new Redeemed(rows.getLong("person_id"), rows.getString("email")))
                .optional();
        return redeemed.orElseThrow(() -> new Refusal(null, "token.used"));
    }

    /** Raises a refusal unless the token exists, is unused and has not expired. */
    void check(String token, Purpose purpose) {
        if (!Tokens.wellFormed(token)) {
            throw new Refusal(null, "token.unknown");
        }
        record State(OffsetDateTime usedAt, OffsetDateTime expiresAt) {}
        var state = jdbc.sql(
                        "select used_at, expires_at from directory.person_tokens where token_hash = ? and purpose = ?")
                .params(Tokens.hash(token), purpose.name())
                .query((rows, n) -> new State(
                        rows.getObject("used_at", OffsetDateTime.class),
                        rows.getObject("expires_at", OffsetDateTime.class)))
                .optional()
                .orElseThrow(() -> new Refusal(null, "token.unknown"));
        if (state.usedAt() != null) {
            throw new Refusal(null, "token.used");
        }
        if (!state.expiresAt().toInstant().isAfter(clock.instant())) {
            throw new Refusal(null, "token.expired");
        }
    }

    /** Makes the person's unused tokens of this purpose unusable. */
    void withdraw(long personId, Purpose purpose) {
        jdbc.sql(
                        "update directory.person_tokens set used_at = ? where person_id = ? and purpose = ? and used_at is null")
                .params(Persons.at(clock.instant()), personId, purpose.name())
                .update();
    }

    void withdrawAll(long personId) {
        for (Purpose purpose : Purpose.values()) {
            withdraw(personId, purpose);
        }
    }
}
