package dev.canopy.support;

import dev.canopy.mail.Mailer;
import dev.canopy.tenancy.PortalScope;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads a portal's notifications and stored mail in tests, as that portal. */
public class PortalRecords {

    private final JdbcClient jdbc;
    private final PortalScope portalScope;
    private final Mailer mailer;

    public PortalRecords(JdbcClient jdbc, PortalScope portalScope, Mailer mailer) {
        this.jdbc = jdbc;
        this.portalScope = portalScope;
        this.mailer = mailer;
    }

    /** Lists the message keys of the portal's notifications, oldest first, one per recipient. */
    public List<String> notificationKeys(long portalId) {
        return portalScope.callAs(
                portalId,
                () -> jdbc.sql("select message_key from portal.notifications order by id")
                        .query(String.class)
                        .list());
    }

    public long notificationCount(long portalId, String messageKey) {
        return notificationKeys(portalId).stream().filter(messageKey::equals).count();
    }

    public List<String> mailSubjects(long portalId) {
        return mailer.portalMail(portalId, 200).stream()
                .map(Mailer.StoredMail::subject)
                .toList();
    }

    public long mailCount(long portalId, String subject) {
        return mailSubjects(portalId).stream().filter(subject::equals).count();
    }
}
