package dev.canopy.directory;

import dev.canopy.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Logs where the hub is and whether email addresses can be verified, once Canopy serves requests. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final Addresses addresses;
    private final Mailer mailer;

    StartupReport(Addresses addresses, Mailer mailer) {
        this.addresses = addresses;
        this.mailer = mailer;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        log.info("Canopy hub is ready at {}", addresses.hub("/"));
        if (!mailer.smtpConfigured()) {
            log.warn("No SMTP server is configured (spring.mail.host): email addresses are not verified, and mail is"
                    + " stored for the operator and portal administrators instead of being sent");
        }
    }
}
