package dev.canopy.directory;

import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes persons and memberships straight into the directory, for data an operator loads at start such as the demo
 * company. It checks the same input rules as registration but sends no mail, so it must never serve a request.
 */
@Service
public class DirectorySeeding {

    private final Persons persons;
    private final PasswordEncoder passwordEncoder;
    private final JdbcClient jdbc;
    private final Clock clock;

    DirectorySeeding(Persons persons, PasswordEncoder passwordEncoder, JdbcClient jdbc, Clock clock) {
        this.persons = persons;
        this.passwordEncoder = passwordEncoder;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Returns whether anyone has registered on this installation. */
    public boolean hasPersons() {
        return jdbc.sql("select exists (select 1 from directory.persons)")
                .query(Boolean.class)
                .single();
    }

    /** Adds a person whose email counts as verified, and returns the person id. */
    @Transactional
    public long addVerifiedPerson(String email, String password, String name) {
        String normalizedEmail = Accounts.checkEmail(email);
        Accounts.checkPassword("password", password);
        String cleanName = Accounts.checkName(name);
        Instant now = clock.instant();

        return persons.insert(normalizedEmail, passwordEncoder.encode(password), cleanName, now, now)
                .id();
    }

    /**
     * Makes the person an active member of the portal with this role and position, or updates the membership they
     * already have, and returns the member id.
     */
    @Transactional
    public long addActiveMember(long portalId, long personId, MemberRole role, String position) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        insert into directory.memberships
                            (portal_id, person_id, role, state, position, created_at, updated_at)
                        values (?, ?, ?, 'ACTIVE', ?, ?, ?)
                        on conflict (portal_id, person_id)
                        do update set role = excluded.role, state = 'ACTIVE', position = excluded.position,
                            updated_at = excluded.updated_at
                        returning id
                        """)
                .params(portalId, personId, role.name(), position, Persons.at(now), Persons.at(now))
                .query(Long.class)
                .single();
    }
}
