package dev.canopy.directory;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Read access to portals and their administrators for other modules. Every method names the portal or person it is
 * about.
 */
@Service
public class PortalDirectory {

    private final Portals portals;
    private final Persons persons;
    private final Memberships memberships;
    private final Addresses addresses;
    private final JdbcClient jdbc;

    PortalDirectory(Portals portals, Persons persons, Memberships memberships, Addresses addresses, JdbcClient jdbc) {
        this.portals = portals;
        this.persons = persons;
        this.memberships = memberships;
        this.addresses = addresses;
        this.jdbc = jdbc;
    }

    public Optional<Portal> findById(long portalId) {
        return portals.findById(portalId);
    }

    /** Finds the portal at an address as a person types it: {@code acme.localhost}, with or without port or scheme. */
    public Optional<Portal> findByAddress(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String host = typed.trim().replaceFirst("^[a-zA-Z]+://", "").replaceFirst("/.*$", "");
        if (addresses.resolve(host) instanceof Addresses.Host.PortalAddress address) {
            return portals.findByAddress(address.zone(), address.name());
        }
        return Optional.empty();
    }

    public Optional<Person> person(long personId) {
        return persons.findById(personId);
    }

    public boolean isActiveAdministrator(long portalId, long personId) {
        return memberships
                .find(portalId, personId)
                .filter(Membership::active)
                .filter(membership -> membership.role() == MemberRole.ADMINISTRATOR)
                .isPresent();
    }

    /** Lists the active administrators of a portal, with the email each is reached at. */
    public List<Administrator> administrators(long portalId) {
        return jdbc.sql("""
                        select m.id, pe.id as person_id, pe.name, pe.email
                        from directory.memberships m join directory.persons pe on pe.id = m.person_id
                        where m.portal_id = ? and m.state = 'ACTIVE' and m.role = 'ADMINISTRATOR'
                        order by m.id
                        """)
                .param(portalId)
                .query((rows, n) -> new Administrator(
                        rows.getLong("id"), rows.getLong("person_id"), rows.getString("name"), rows.getString("email")))
                .list();
    }

    /** Lists the portals where the person is an active administrator. */
    public List<Portal> administeredBy(long personId) {
        return memberships.activePortalsOf(personId).stream()
                .filter(entry -> entry.role() == MemberRole.ADMINISTRATOR)
                .map(PersonPortal::portal)
                .toList();
    }

    /** Lists up to the given number of a portal's members, administrators first, then by name. */
    public List<MemberListing> members(long portalId, int limit) {
        return memberships.search(portalId, "", null, 0, limit);
    }

    /** The address of a portal as people type it, and its link. */
    public String host(Portal portal) {
        return addresses.portalHost(portal.zone(), portal.name());
    }

    public String url(Portal portal, String path) {
        return addresses.portal(portal.zone(), portal.name(), path);
    }

    /** An active administrator of a portal. */
    public record Administrator(long memberId, long personId, String name, String email) {}
}
