package dev.canopy.branches;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Blocks a branch 15 days after it was suspended, and a main portal 15 days after its network was disabled. Each
 * portal is handled in its own transaction under its row lock, and its state is read again there, so nodes that
 * sweep at the same moment block it once. A deadline that passed while Canopy was stopped is applied by the next
 * sweep.
 */
@Service
class NetworkDeadlines {

    private static final Logger log = LoggerFactory.getLogger(NetworkDeadlines.class);

    private final Networks networks;
    private final BranchStanding standing;
    private final Clock clock;
    private final TransactionTemplate transactions;

    NetworkDeadlines(
            Networks networks, BranchStanding standing, Clock clock, PlatformTransactionManager transactionManager) {
        this.networks = networks;
        this.standing = standing;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Applies every due block; a failure on one portal is logged and leaves the others alone. */
    void sweep() {
        for (long portalId : networks.dueForBlocking(clock.instant())) {
            try {
                transactions.executeWithoutResult(status -> applyDue(portalId));
            } catch (RuntimeException e) {
                log.error("Could not apply the network deadline of portal {}", portalId, e);
            }
        }
    }

    private void applyDue(long portalId) {
        networks.lock(portalId);
        NetworkPortal portal = networks.portal(portalId).orElseThrow();
        if (portal.blockedAt() != null || !portal.blocked(clock.instant())) {
            return;
        }
        if (portal.main()) {
            standing.blockMain(portal);
        } else {
            standing.blockBranch(portal, networks.mainOf(portal.networkId()).orElseThrow());
        }
    }
}
