package dev.canopy.directory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends sessions across hosts. Every signed-in session is indexed by the person id (its principal name) and records
 * the portal it belongs to, or none on the hub.
 */
@Component
public class Sessions {

    /** Session attribute with the id of the portal a portal-host session belongs to. */
    public static final String PORTAL_ATTRIBUTE = "canopy.portal";

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);

    private final FindByIndexNameSessionRepository<? extends Session> repository;

    Sessions(FindByIndexNameSessionRepository<? extends Session> repository) {
        this.repository = repository;
    }

    /** Ends every session of the person, on the hub and on every portal. */
    public void endAll(long personId) {
        var sessions = repository.findByPrincipalName(Long.toString(personId));
        sessions.keySet().forEach(repository::deleteById);
        log.info("Ended {} sessions of person {}", sessions.size(), personId);
    }

    /** Ends every session of the person except the one with the given id. */
    public void endAllExcept(long personId, String keptSessionId) {
        var sessions = repository.findByPrincipalName(Long.toString(personId));
        sessions.keySet().stream().filter(id -> !id.equals(keptSessionId)).forEach(repository::deleteById);
    }

    /** Ends the person's sessions on one portal's host, leaving the hub and other portals signed in. */
    public void endOnPortal(long personId, long portalId) {
        var sessions = repository.findByPrincipalName(Long.toString(personId));
        sessions.forEach((id, session) -> {
            Object portal = session.getAttribute(PORTAL_ATTRIBUTE);
            if (portal instanceof Long value && value == portalId) {
                repository.deleteById(id);
            }
        });
    }
}
