package dev.canopy.directory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Logs where the hub is once Canopy serves requests. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final Addresses addresses;

    StartupReport(Addresses addresses) {
        this.addresses = addresses;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        log.info("Canopy hub is ready at {}", addresses.hub("/"));
    }
}
