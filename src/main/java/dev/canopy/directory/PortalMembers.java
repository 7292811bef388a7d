package dev.canopy.directory;

import dev.canopy.web.PlainText;
import dev.canopy.web.Refusal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The memberships of portals as other modules change them. Every method takes the portal id, so a member id of
 * another portal finds nothing. Owns the rule that a portal keeps at least one active administrator.
 */
@Service
public class PortalMembers {

    private static final Logger log = LoggerFactory.getLogger(PortalMembers.class);
    static final int MAX_POSITION = 100;

    private final Memberships memberships;
    private final Persons persons;
    private final Portals portals;
    private final Sessions sessions;
    private final Clock clock;
    private final List<MemberActivationGuard> activationGuards;
    private final JdbcClient jdbc;

    PortalMembers(
            Memberships memberships,
            Persons persons,
            Portals portals,
            Sessions sessions,
            Clock clock,
            List<MemberActivationGuard> activationGuards,
            JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.memberships = memberships;
        this.persons = persons;
        this.portals = portals;
        this.sessions = sessions;
        this.clock = clock;
        this.activationGuards = activationGuards;
    }

    public Optional<Membership> find(long portalId, long memberId) {
        return memberships.findById(portalId, memberId);
    }

    /**
     * Finds a member of this portal and locks the membership until the transaction ends, so that two decisions about
     * the same member (such as approving and declining at once) apply one after the other.
     */
    @Transactional
    public Optional<Membership> findForUpdate(long portalId, long memberId) {
        return memberships.lock(portalId, memberId);
    }

    public Optional<Membership> findByPerson(long portalId, long personId) {
        return memberships.find(portalId, personId);
    }

    public Optional<Membership> findInvitedEmail(long portalId, String email) {
        return memberships.findInvitedEmail(portalId, Persons.normalizeEmail(email));
    }

    public Optional<Person> person(long personId) {
        return persons.findById(personId);
    }

    public Optional<Person> personByEmail(String email) {
        return persons.findByEmail(email);
    }

    public Optional<Portal> portal(long portalId) {
        return portals.findById(portalId);
    }

    /** Returns the email of the membership: its person's, or the invited one while it has no person. */
    public String email(Membership membership) {
        if (membership.hasPerson()) {
            return persons.findById(membership.personId()).orElseThrow().email();
        }
        return memberships.invitedEmail(membership.portalId(), membership.id());
    }

    public List<MemberListing> search(long portalId, String text, MemberState state, int offset, int limit) {
        return memberships.search(portalId, text, state, offset, limit);
    }

    public long count(long portalId, String text, MemberState state) {
        return memberships.count(portalId, text, state);
    }

    public List<Long> activeAdministratorPersons(long portalId) {
        return memberships.activeAdministratorPersons(portalId);
    }

    /** Adds a person as an employee in the given state. */
    @Transactional
    public Membership add(long portalId, long personId, MemberState state) {
        if (state == MemberState.ACTIVE) {
            activationGuards.forEach(guard -> guard.checkActivation(portalId));
        }
        return memberships.insert(portalId, personId, MemberRole.EMPLOYEE, state, clock.instant());
    }

    /** Adds an invited membership for an email that has no profile yet. */
    @Transactional
    public Membership addInvitedEmail(long portalId, String email) {
        return memberships.insertInvitedEmail(portalId, Persons.normalizeEmail(email), clock.instant());
    }

    @Transactional
    public void attachPerson(long portalId, long memberId, long personId) {
        memberships.attachPerson(portalId, memberId, personId, clock.instant());
    }

    /** Deletes an invited membership that never had a person, as when its invitation is withdrawn. */
    @Transactional
    public void deleteInvitedEmail(long portalId, long memberId) {
        Membership membership = locked(portalId, memberId);
        if (membership.hasPerson() || membership.state() != MemberState.INVITED) {
            throw new IllegalStateException("Member " + memberId + " is more than an invited email");
        }
        memberships.delete(portalId, memberId);
    }

    /**
     * Makes other changes to the portal's members wait until the caller's transaction ends. Call it before checking
     * whether a person or email is already a member, so that a double submit finds the first one's membership.
     */
    @Transactional
    public void lockPortal(long portalId) {
        memberships.lockPortal(portalId);
    }

    /** Sets a state that needs no rule: invited, awaiting approval or active. Dismissal goes through dismiss. */
    @Transactional
    public void setState(long portalId, long memberId, MemberState state) {
        if (state == MemberState.DISMISSED) {
            throw new IllegalArgumentException("Dismiss members with dismiss()");
        }
        Membership membership = locked(portalId, memberId);
        if (state == MemberState.ACTIVE && !membership.active()) {
            activationGuards.forEach(guard -> guard.checkActivation(portalId));
        }
        memberships.updateState(portalId, memberId, state, clock.instant());
    }

    /** Changes a member's role; the last active administrator cannot be demoted. */
    @Transactional
    public void changeRole(long portalId, long memberId, MemberRole role) {
        Membership membership = locked(portalId, memberId);
        if (membership.role() == role) {
            return;
        }
        if (membership.administrator() && membership.active()) {
            checkNotLastAdministrator(portalId, "members.lastAdministrator.demote");
        }
        memberships.updateRole(portalId, memberId, role, clock.instant());
        log.info("Member {} of portal {} is now {}", memberId, portalId, role);
    }

    /** Sets a member's position (job title); a blank position clears it. */
    @Transactional
    public void changePosition(long portalId, long memberId, String position) {
        String clean = position == null ? "" : position.strip();
        if (clean.length() > MAX_POSITION || PlainText.hasControlCharacters(clean)) {
            throw new Refusal("position", "members.position.invalid", MAX_POSITION);
        }
        locked(portalId, memberId);
        memberships.updatePosition(portalId, memberId, clean.isEmpty() ? null : clean, clock.instant());
    }

    /**
     * Dismisses a member, or records that a member left: the membership stays with state dismissed, so records keep
     * the name, and the person's sessions on this portal end at once. The last active administrator cannot go.
     */
    @Transactional
    public void dismiss(long portalId, long memberId, String lastAdministratorKey) {
        Membership membership = locked(portalId, memberId);
        if (membership.state() == MemberState.DISMISSED) {
            return;
        }
        if (membership.administrator() && membership.active()) {
            checkNotLastAdministrator(portalId, lastAdministratorKey);
        }
        memberships.updateState(portalId, memberId, MemberState.DISMISSED, clock.instant());
        if (membership.hasPerson()) {
            sessions.endOnPortal(membership.personId(), portalId);
        }
        log.info("Member {} of portal {} is dismissed", memberId, portalId);
    }

    private Membership locked(long portalId, long memberId) {
        return memberships
                .lock(portalId, memberId)
                .orElseThrow(() -> new IllegalArgumentException("No member " + memberId + " in portal " + portalId));
    }

    private void checkNotLastAdministrator(long portalId, String messageKey) {
        if (memberships.countActiveAdministrators(portalId) <= 1) {
            throw new Refusal(null, messageKey);
        }
    }

    private static final RowMapper<PortalMember> ACTIVE_MEMBER = (rows, n) -> new PortalMember(
            rows.getLong("id"),
            rows.getString("name"),
            rows.getString("position"),
            MemberRole.valueOf(rows.getString("role")));

    /** Lists the portal's active members by name. */
    public List<PortalMember> activeMembers(long portalId) {
        return jdbc.sql("""
                        select m.id, pe.name, m.position, m.role
                        from directory.memberships m join directory.persons pe on pe.id = m.person_id
                        where m.portal_id = ? and m.state = 'ACTIVE'
                        order by lower(pe.name), m.id
                        """).param(portalId).query(ACTIVE_MEMBER).list();
    }

    /** Finds an active member of this portal; a member id of another portal finds nothing. */
    public Optional<PortalMember> activeMember(long portalId, long memberId) {
        return jdbc.sql("""
                        select m.id, pe.name, m.position, m.role
                        from directory.memberships m join directory.persons pe on pe.id = m.person_id
                        where m.portal_id = ? and m.id = ? and m.state = 'ACTIVE'
                        """).params(portalId, memberId).query(ACTIVE_MEMBER).optional();
    }

    /** Lists the member ids of the portal's active administrators. */
    public List<Long> activeAdministratorIds(long portalId) {
        return jdbc.sql("""
                        select id from directory.memberships
                        where portal_id = ? and state = 'ACTIVE' and role = 'ADMINISTRATOR'
                        order by id
                        """).param(portalId).query(Long.class).list();
    }
}
