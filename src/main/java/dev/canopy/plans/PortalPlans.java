package dev.canopy.plans;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    /** Reads the plan and locks the portal's row until the transaction ends, so plan changes and activations queue. */
    PortalPlan lock(long portalId) {
        return jdbc.sql("select * from directory.portals where id = ? for update")
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
