package dev.canopy.plans;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The plan columns of directory.portals, which this module owns. */
@Repository
class PortalPlans {

    private static final RowMapper<PortalPlan> PLAN = (rows, n) -> new PortalPlan(
            rows.getLong("id"),
            Plan.valueOf(rows.getString("plan")),
            instant(rows.getObject("paid_until", OffsetDateTime.class)),
            rows.getInt("enterprise_limit"),
            instant(rows.getObject("trial_ends_at", OffsetDateTime.class)),
            rows.getString("plan_before_trial") == null ? null : Plan.valueOf(rows.getString("plan_before_trial")),
            instant(rows.getObject("paid_until_before_trial", OffsetDateTime.class)),
            rows.getBoolean("own_trial_used"));

    private final JdbcClient jdbc;

    PortalPlans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PortalPlan> find(long portalId) {
        return jdbc.sql("select * from directory.portals where id = ?")
                .param(portalId)
                .query(PLAN)
                .optional();
    }

    /**
     * Reads the plan and locks the portal's row until the transaction ends, so plan changes and activations queue. The
     * lock is {@code for no key update}: it still lets other transactions insert rows whose foreign keys point at the
     * portal, such as another portal's network log entry naming it, which avoids deadlocks between two portals.
     */
    PortalPlan lock(long portalId) {
        return jdbc.sql("select * from directory.portals where id = ? for no key update")
                .param(portalId)
                .query(PLAN)
                .single();
    }

    void save(PortalPlan plan) {
        jdbc.sql("""
                        update directory.portals set plan = ?, paid_until = ?, enterprise_limit = ?, trial_ends_at = ?,
                            plan_before_trial = ?, paid_until_before_trial = ?, own_trial_used = ?
                        where id = ?
                        """)
                .params(
                        plan.plan().name(),
                        at(plan.paidUntil()),
                        plan.enterpriseLimit(),
                        at(plan.trialEndsAt()),
                        plan.planBeforeTrial() == null
                                ? null
                                : plan.planBeforeTrial().name(),
                        at(plan.paidUntilBeforeTrial()),
                        plan.ownTrialUsed(),
                        plan.portalId())
                .update();
    }

    /**
     * Lists the portals whose plan has ended by {@code now}, or ends within {@code warnBefore} and whose
     * administrators may still miss a warning. The caller checks each again under its row lock.
     */
    List<Long> withDeadlineDue(Instant now, java.time.Duration warnBefore) {
        return jdbc.sql("""
                        select id from directory.portals
                        where plan <> 'FREE' and coalesce(trial_ends_at, paid_until) <= ?
                          and (coalesce(trial_ends_at, paid_until) <= ?
                               or warnings_sent < 2
                               or warned_for_end is distinct from coalesce(trial_ends_at, paid_until))
                        order by id
                        """)
                .params(at(now.plus(warnBefore)), at(now))
                .query(Long.class)
                .list();
    }

    /** Returns how many warnings were sent about the given end of the portal's plan. */
    int warningsSent(long portalId, Instant end) {
        return jdbc.sql("""
                        select case when warned_for_end = ? then warnings_sent else 0 end
                        from directory.portals where id = ?
                        """).params(at(end), portalId).query(Integer.class).single();
    }

    void recordWarnings(long portalId, Instant end, int sent) {
        jdbc.sql("update directory.portals set warned_for_end = ?, warnings_sent = ? where id = ?")
                .params(at(end), sent, portalId)
                .update();
    }

    int activeMembers(long portalId) {
        return jdbc.sql("select count(*) from directory.memberships where portal_id = ? and state = 'ACTIVE'")
                .param(portalId)
                .query(Integer.class)
                .single();
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
