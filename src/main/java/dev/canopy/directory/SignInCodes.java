package dev.canopy.directory;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One-time codes that carry a sign-in from the hub to a portal host. A code is bound to one portal, one person and
 * the state nonce the portal host kept in its pre-login session; it expires quickly and works once.
 */
@Repository
class SignInCodes {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration lifetime;

    SignInCodes(JdbcClient jdbc, Clock clock, @Value("${canopy.sign-in.code-lifetime:60s}") Duration lifetime) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    String issue(long portalId, long personId, String state) {
        String code = Tokens.generate();
        jdbc.sql("""
                        insert into directory.sign_in_codes (code_hash, portal_id, person_id, state_hash, expires_at)
                        values (?, ?, ?, ?, ?)
                        """)
                .params(
                        Tokens.hash(code),
                        portalId,
                        personId,
                        Tokens.hash(state),
                        Persons.at(clock.instant().plus(lifetime)))
                .update();
        jdbc.sql("delete from directory.sign_in_codes where expires_at < ?")
                .param(Persons.at(clock.instant().minus(Duration.ofHours(1))))
                .update();
        return code;
    }

    /** Uses the code once; returns the person it was issued to when portal and state match. */
    Optional<Long> redeem(String code, long portalId, String state) {
        if (!Tokens.wellFormed(code) || !Tokens.wellFormed(state)) {
            return Optional.empty();
        }
        record Issued(long portalId, long personId, byte[] stateHash) {}
        var issued = jdbc.sql("""
                        update directory.sign_in_codes set used_at = ?
                        where code_hash = ? and used_at is null and expires_at > ?
                        returning portal_id, person_id, state_hash
                        """)
                .params(Persons.at(clock.instant()), Tokens.hash(code), Persons.at(clock.instant()))
                .query((rows, n) ->
                        new Issued(rows.getLong("portal_id"), rows.getLong("person_id"), rows.getBytes("state_hash")))
                .optional();
        return issued.filter(found -> found.portalId() == portalId)
                .filter(found -> MessageDigest.isEqual(found.stateHash(), Tokens.hash(state)))
                .map(Issued::personId);
    }
}
