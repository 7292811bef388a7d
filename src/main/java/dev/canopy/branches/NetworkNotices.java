package dev.canopy.branches;

import dev.canopy.directory.PortalDirectory;
import dev.canopy.mail.Mail;
import dev.canopy.mail.Mailer;
import dev.canopy.notifications.Notifier;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells a portal's administrators about a network event: the bell, and mail in the portal's name (stored for them
 * when no SMTP server is configured).
 */
@Component
class NetworkNotices {

    private static final Logger log = LoggerFactory.getLogger(NetworkNotices.class);

    private final PortalDirectory directory;
    private final Mailer mailer;
    private final MessageSource messages;
    private final Notifier notifier;

    private final TransactionTemplate separateTransaction;

    NetworkNotices(
            PortalDirectory directory,
            Mailer mailer,
            MessageSource messages,
            Notifier notifier,
            PlatformTransactionManager transactionManager) {
        this.notifier = notifier;
        this.directory = directory;
        this.mailer = mailer;
        this.messages = messages;
        this.separateTransaction = new TransactionTemplate(transactionManager);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Sends the notice once the surrounding transaction commits, in a transaction of its own, so that a mail failure
     * does not undo the event.
     */
    void tellAdministrators(long portalId, NetworkEvent event, String otherPortal, String link) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send(portalId, event, otherPortal, link);
                }
            });
        } else {
            send(portalId, event, otherPortal, link);
        }
    }

    /**
     * Notifies the portal's administrators of a change in its standing: in the bell within the surrounding
     * transaction, and by mail once it commits. The mail's subject is the message {@code key + ".subject"} and its body
     * the bell's text followed by the address of {@code path} on the portal's host.
     */
    void tellStanding(long portalId, String key, List<String> arguments, String path) {
        notifier.notifyAdministrators(portalId, key, arguments, path);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                mailStanding(portalId, key, arguments, path);
            }
        });
    }

    private void mailStanding(long portalId, String key, List<String> arguments, String path) {
        try {
            separateTransaction.executeWithoutResult(status -> {
                var portal = directory.findById(portalId).orElseThrow();
                String subject = text(key + ".subject", portal.title());
                String body = text(key, arguments.toArray()) + "\n\n" + directory.url(portal, path);
                for (var administrator : directory.administrators(portalId)) {
                    mailer.send(new Mail(portalId, administrator.email(), subject, body));
                }
            });
        } catch (RuntimeException e) {
            log.warn("Could not mail the administrators of portal {} about {}: {}", portalId, key, e.toString());
        }
    }

    private void send(long portalId, NetworkEvent event, String otherPortal, String link) {
        try {
            separateTransaction.executeWithoutResult(status -> sendNow(portalId, event, otherPortal, link));
        } catch (RuntimeException e) {
            log.warn("Could not tell the administrators of portal {} about {}: {}", portalId, event, e.toString());
        }
    }

    private void sendNow(long portalId, NetworkEvent event, String otherPortal, String link) {
        var portal = directory.findById(portalId).orElseThrow();
        String subject = text("network.mail." + event.name() + ".subject", portal.title(), otherPortal);
        String body = text("network.mail." + event.name() + ".body", portal.title(), otherPortal, link);
        for (var administrator : directory.administrators(portalId)) {
            mailer.send(new Mail(portalId, administrator.email(), subject, body));
        }
        notifier.notifyAdministrators(
                portalId,
                "notification.network." + event.name(),
                List.of(otherPortal == null ? "" : otherPortal),
                "/settings/network");
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.ENGLISH);
    }
}
