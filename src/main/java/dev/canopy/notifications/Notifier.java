package dev.canopy.notifications;

import dev.canopy.directory.PortalMembers;
import dev.canopy.tenancy.PortalScope;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Notifies members of a portal. Other modules call it with a message key from the message bundle and its arguments,
 * so each reader sees the text in their own language. Each call runs as the given portal.
 */
@Service
public class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final Notifications notifications;
    private final PortalMembers members;
    private final PortalScope portalScope;
    private final Clock clock;

    Notifier(Notifications notifications, PortalMembers members, PortalScope portalScope, Clock clock) {
        this.notifications = notifications;
        this.members = members;
        this.portalScope = portalScope;
        this.clock = clock;
    }

    /**
     * Notifies one active member of the portal. A member who is not active there gets nothing.
     *
     * @param link a path on the portal's host such as {@code /structure}, or null
     * @throws IllegalArgumentException when the link is not a local path
     */
    public void notifyMember(long portalId, long memberId, String messageKey, List<String> arguments, String link) {
        checkLink(link);
        portalScope.runAs(portalId, () -> {
            if (members.activeMember(portalId, memberId).isEmpty()) {
                log.info("Skipped a notification for member {} of portal {}, who is not active", memberId, portalId);
                return;
            }
            notifications.insert(portalId, memberId, messageKey, List.copyOf(arguments), link, clock.instant());
        });
    }

    /** Notifies every active administrator of the portal, with the same arguments as {@link #notifyMember}. */
    public void notifyAdministrators(long portalId, String messageKey, List<String> arguments, String link) {
        checkLink(link);
        portalScope.runAs(portalId, () -> {
            for (long administrator : members.activeAdministratorIds(portalId)) {
                notifications.insert(
                        portalId, administrator, messageKey, List.copyOf(arguments), link, clock.instant());
            }
        });
    }

    /** Accepts only paths on the same host, so a notification can never send its reader to another site. */
    private static void checkLink(String link) {
        if (link != null && (!link.startsWith("/") || link.startsWith("//") || link.contains("\\"))) {
            throw new IllegalArgumentException("A notification link must be a local path, not " + link);
        }
    }
}
