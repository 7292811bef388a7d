package dev.canopy.directory;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The persons table. Emails are stored trimmed and in lower case, so one address has one profile. */
@Repository
class Persons {

    private static final RowMapper<Person> PERSON = (rows, n) -> new Person(
            rows.getLong("id"),
            rows.getString("email"),
            rows.getString("name"),
            rows.getObject("email_verified_at") != null,
            rows.getBoolean("operator"));

    private final JdbcClient jdbc;

    Persons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String normalizeEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    Optional<Person> findById(long id) {
        return jdbc.sql("select * from directory.persons where id = ?")
                .param(id)
                .query(PERSON)
                .optional();
    }

    Optional<Person> findByEmail(String email) {
        return jdbc.sql("select * from directory.persons where email = ?")
                .param(normalizeEmail(email))
                .query(PERSON)
                .optional();
    }

    Optional<String> passwordHash(long id) {
        return jdbc.sql("select password_hash from directory.persons where id = ?")
                .param(id)
                .query(String.class)
                .optional();
    }

    /** Inserts a person; the first person of an installation becomes its operator. */
    Person insert(String email, String passwordHash, String name, Instant verifiedAt, Instant now) {
        long id = jdbc.sql("""
                        insert into directory.persons (email, password_hash, name, email_verified_at, operator, created_at)
                        values (?, ?, ?, ?, not exists (select 1 from directory.persons), ?)
                        returning id
                        """)
                .params(normalizeEmail(email), passwordHash, name, at(verifiedAt), at(now))
                .query(Long.class)
                .single();
        return findById(id).orElseThrow();
    }

    /** Replaces an unverified profile that a new registration with the same email takes over. */
    Person replaceUnverified(long id, String passwordHash, String name) {
        jdbc.sql("update directory.persons set password_hash = ?, name = ? where id = ? and email_verified_at is null")
                .params(passwordHash, name, id)
                .update();
        return findById(id).orElseThrow();
    }

    void markVerified(long id, Instant now) {
        jdbc.sql("update directory.persons set email_verified_at = coalesce(email_verified_at, ?) where id = ?")
                .params(at(now), id)
                .update();
    }

    void updatePassword(long id, String passwordHash) {
        jdbc.sql("update directory.persons set password_hash = ? where id = ?")
                .params(passwordHash, id)
                .update();
    }

    void updateName(long id, String name) {
        jdbc.sql("update directory.persons set name = ? where id = ?")
                .params(name, id)
                .update();
    }

    /** Sets a new email; {@code verifiedAt} is when it was proved, or now on an install that cannot prove it. */
    void updateEmail(long id, String email, Instant verifiedAt) {
        jdbc.sql("update directory.persons set email = ?, email_verified_at = ? where id = ?")
                .params(normalizeEmail(email), at(verifiedAt), id)
                .update();
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
