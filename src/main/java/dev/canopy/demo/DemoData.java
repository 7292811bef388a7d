package dev.canopy.demo;

import dev.canopy.branches.BranchNetwork;
import dev.canopy.directory.Addresses;
import dev.canopy.directory.DirectorySeeding;
import dev.canopy.directory.Portal;
import dev.canopy.directory.PortalCreation;
import dev.canopy.notifications.Notifier;
import dev.canopy.plans.Plans;
import dev.canopy.structure.CompanyStructure;
import dev.canopy.tenancy.PortalScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty installation with the demo group when started with {@code --canopy.demo=true}, in one transaction,
 * and logs the demo sign-ins. An installation where anyone has registered is left as it is.
 */
@Component
@ConditionalOnBooleanProperty("canopy.demo")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DirectorySeeding directory;
    private final PortalCreation portalCreation;
    private final CompanyStructure structure;
    private final Notifier notifier;
    private final PortalScope portalScope;
    private final Addresses addresses;
    private final Plans plans;
    private final BranchNetwork network;
    private final TransactionTemplate transactions;

    DemoData(
            DirectorySeeding directory,
            PortalCreation portalCreation,
            CompanyStructure structure,
            Notifier notifier,
            PortalScope portalScope,
            Addresses addresses,
            Plans plans,
            BranchNetwork network,
            PlatformTransactionManager transactionManager) {
        this.plans = plans;
        this.network = network;
        this.directory = directory;
        this.portalCreation = portalCreation;
        this.structure = structure;
        this.notifier = notifier;
        this.portalScope = portalScope;
        this.addresses = addresses;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments arguments) {
        DemoCompany company = transactions.execute(status -> {
            if (directory.hasPersons()) {
                return null;
            }
            DemoCompany demo = new DemoCompany(
                    directory, portalCreation, structure, notifier, portalScope, plans, network, euZone());
            demo.build();
            return demo;
        });
        if (company == null) {
            log.info("Demo data not loaded, because this installation already has registered persons");
            return;
        }
        log.info(signIns(company));
    }

    /** Returns the eu zone when it is configured, so one demo portal lives there, or else the first zone. */
    private String euZone() {
        return addresses.findZone("eu").isPresent()
                ? "eu"
                : addresses.zones().get(0).name();
    }

    private String signIns(DemoCompany company) {
        StringBuilder text = new StringBuilder("Demo data loaded. Sign in at ")
                .append(addresses.hub("/"))
                .append(" with any of these emails and the password ")
                .append(DemoCompany.PASSWORD)
                .append(':');
        company.emails().forEach(email -> text.append("\n  ").append(email));
        text.append("\nmargaret.holt is the operator and the network manager of the head office's branch network")
                .append(" (North, South and the suspended Outlet); she also administers the eu office.")
                .append("\nelena.rossi is a member of the head office, North, South and the eu office,")
                .append(" so her Network button lists the first three.")
                .append("\nzoe.palmer works only in the Outlet branch and sees no network at all.");
        text.append("\nDemo portals:");
        for (Portal portal : company.portals()) {
            text.append("\n  ")
                    .append(portal.title())
                    .append(": ")
                    .append(addresses.portal(portal.zone(), portal.name(), "/"));
        }
        return text.toString();
    }
}
