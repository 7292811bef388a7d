package dev.canopy.tenancy;

import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The only code that sets the database's portal context. Every read or write of a {@code portal} table runs inside
 * {@link #callAs}, which joins or opens a transaction, sets {@code canopy.portal_id} for it with
 * {@code set_config(..., true)}, and restores the previous context when the block ends. Row-level security then
 * shows the block only that portal's rows.
 */
@Component
public class PortalScope {

    private static final ThreadLocal<Long> CURRENT = new ThreadLocal<>();

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    PortalScope(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Returns the portal whose context the current thread runs in, if any. */
    public static Optional<Long> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * Runs the block as the given portal, in the current transaction or a new one.
     *
     * @throws UnknownPortalException if no portal has this id
     */
    public <T> T callAs(long portalId, Supplier<T> block) {
        Long previous = CURRENT.get();
        return transactions.execute(status -> {
            boolean exists = jdbc.sql("select exists (select 1 from directory.portals where id = ?)")
                    .param(portalId)
                    .query(Boolean.class)
                    .single();
            if (!exists) {
                throw new UnknownPortalException(portalId);
            }
            setContext(portalId);
            CURRENT.set(portalId);
            MDC.put("portal", Long.toString(portalId));
            try {
                return block.get();
            } finally {
                restore(previous);
            }
        });
    }

    /** Runs the block as the given portal; see {@link #callAs}. */
    public void runAs(long portalId, Runnable block) {
        callAs(portalId, () -> {
            block.run();
            return null;
        });
    }

    /**
     * Runs the block as the given portal and commits only when the block returns true; a request that ends with an
     * error status keeps nothing it wrote.
     */
    public void runCommittingIf(long portalId, java.util.function.BooleanSupplier block) {
        transactions.executeWithoutResult(status -> {
            boolean success = callAs(portalId, block::getAsBoolean);
            if (!success) {
                status.setRollbackOnly();
            }
        });
    }

    private void restore(Long previous) {
        if (previous == null) {
            CURRENT.remove();
            MDC.remove("portal");
        } else {
            CURRENT.set(previous);
            MDC.put("portal", previous.toString());
        }
        try {
            setContext(previous);
        } catch (DataAccessException e) {
            // The block failed inside the database, so the transaction is aborted and will run no further query.
        }
    }

    private void setContext(Long portalId) {
        jdbc.sql("select set_config('canopy.portal_id', ?, true)")
                .param(portalId == null ? "" : portalId.toString())
                .query(String.class)
                .single();
    }

    /** Raised when a block is asked to run as a portal that does not exist. */
    public static class UnknownPortalException extends RuntimeException {

        UnknownPortalException(long portalId) {
            super("No portal has id " + portalId);
        }
    }
}
