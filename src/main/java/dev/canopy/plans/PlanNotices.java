package dev.canopy.plans;

import dev.canopy.directory.PortalDirectory;
import dev.canopy.mail.Mail;
import dev.canopy.mail.Mailer;
import dev.canopy.notifications.Notifier;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
 * Tells a portal's administrators that its plan ends soon or has ended: a notification in the bell, written in the
 * caller's transaction, and a mail in the portal's name, sent after that transaction commits. So both happen exactly
 * when the change they report is stored.
 */
@Component
class PlanNotices {

    static final DateTimeFormatter DATES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(PlanNotices.class);

    private final Notifier notifier;
    private final PortalDirectory directory;
    private final Mailer mailer;
    private final MessageSource messages;
    private final TransactionTemplate separateTransaction;

    PlanNotices(
            Notifier notifier,
            PortalDirectory directory,
            Mailer mailer,
            MessageSource messages,
            PlatformTransactionManager transactionManager) {
        this.notifier = notifier;
        this.directory = directory;
        this.mailer = mailer;
        this.messages = messages;
        this.separateTransaction = new TransactionTemplate(transactionManager);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void planEnding(PortalPlan plan, Duration before) {
        String kind = plan.inTrial() ? "trial" : "paid";
        String key = "plan.ending." + kind + "." + before.toDays() + "days";
        tell(plan.portalId(), key, List.of(text("plan." + plan.plan().name()), DATES.format(plan.endsAt())));
    }

    void planEnded(PortalPlan before, PortalPlan after) {
        String key = before.inTrial() ? "plan.ended.trial" : "plan.ended.paid";
        tell(
                before.portalId(),
                key,
                List.of(
                        text("plan." + before.plan().name()),
                        text("plan." + after.plan().name())));
    }

    private void tell(long portalId, String key, List<String> arguments) {
        notifier.notifyAdministrators(portalId, key, arguments, "/settings/plan");
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                mail(portalId, key, arguments);
            }
        });
    }

    private void mail(long portalId, String key, List<String> arguments) {
        try {
            separateTransaction.executeWithoutResult(status -> {
                var portal = directory.findById(portalId).orElseThrow();
                String subject = text("plan.mail.subject", portal.title());
                String body = text(key, arguments.toArray()) + "\n\n" + directory.url(portal, "/settings/plan");
                for (var administrator : directory.administrators(portalId)) {
                    mailer.send(new Mail(portalId, administrator.email(), subject, body));
                }
            });
        } catch (RuntimeException e) {
            log.warn("Could not mail the administrators of portal {} about {}: {}", portalId, key, e.toString());
        }
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.ENGLISH);
    }
}
