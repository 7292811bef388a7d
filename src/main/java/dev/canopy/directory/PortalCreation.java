package dev.canopy.directory;

import dev.canopy.tenancy.PortalScope;
import dev.canopy.web.PlainText;
import dev.canopy.web.Refusal;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates portals: the address, the creator as first administrator, and whatever other modules add on the event. */
@Service
public class PortalCreation {

    static final int MAX_TITLE = 100;
    private static final Logger log = LoggerFactory.getLogger(PortalCreation.class);

    private final Portals portals;
    private final Memberships memberships;
    private final Persons persons;
    private final Accounts accounts;
    private final Addresses addresses;
    private final PortalScope portalScope;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PortalCreation(
            Portals portals,
            Memberships memberships,
            Persons persons,
            Accounts accounts,
            Addresses addresses,
            PortalScope portalScope,
            ApplicationEventPublisher events,
            Clock clock) {
        this.portals = portals;
        this.memberships = memberships;
        this.persons = persons;
        this.accounts = accounts;
        this.addresses = addresses;
        this.portalScope = portalScope;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Portal create(long creatorId, String title, String name, String zone) {
        Person creator = persons.findById(creatorId).orElseThrow();
        if (accounts.verifiesEmail() && !creator.verified()) {
            throw new Refusal(null, "portal.unverified");
        }
        String cleanTitle = checkTitle(title);
        String cleanName = name == null ? "" : name.trim();
        if (zone == null || addresses.findZone(zone).isEmpty()) {
            throw new Refusal("zone", "zone.unknown");
        }
        AddressRules.check(cleanName).ifPresent(key -> {
            throw new Refusal("name", key, AddressRules.RESERVED.size());
        });
        String domain = cleanName + "." + addresses.zone(zone).domain();
        if (addresses.zones().stream().anyMatch(other -> other.domain().equals(domain))) {
            throw new Refusal("name", "address.reserved");
        }
        Instant now = clock.instant();

        Portal portal = portals.insert(cleanTitle, cleanName, zone, creatorId, now)
                .orElseThrow(() -> new Refusal("name", "address.taken", addresses.portalHost(zone, cleanName)));
        Membership administrator =
                memberships.insert(portal.id(), creatorId, MemberRole.ADMINISTRATOR, MemberState.ACTIVE, now);
        portalScope.runAs(
                portal.id(),
                () -> events.publishEvent(new PortalCreated(portal.id(), portal.title(), administrator.id())));

        log.info("Person {} created portal {} at {}", creatorId, portal.id(), addresses.portalHost(zone, cleanName));
        return portal;
    }

    static String checkTitle(String title) {
        String clean = title == null ? "" : title.strip();
        if (clean.isEmpty()) {
            throw new Refusal("title", "title.missing");
        }
        if (clean.length() > MAX_TITLE || PlainText.hasControlCharacters(clean)) {
            throw new Refusal("title", "title.invalid", MAX_TITLE);
        }
        return clean;
    }
}
