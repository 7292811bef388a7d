package dev.canopy.plans;

import java.util.List;

/** The plans a portal can be on, with the number of active members each allows. */
public enum Plan {
    FREE(null),
    BASIC(5),
    STANDARD(50),
    PROFESSIONAL(100),
    ENTERPRISE(250);

    /** The member limits an Enterprise portal's administrators can choose. */
    public static final List<Integer> ENTERPRISE_LIMITS = List.of(250, 500, 1000, 2000, 5000, 10000);

    /** The paid periods, in months, a plan is chosen or extended by. */
    public static final List<Integer> PERIODS = List.of(1, 3, 12);

    private final Integer memberLimit;

    Plan(Integer memberLimit) {
        this.memberLimit = memberLimit;
    }

    /** The default member limit, or null for no limit. */
    public Integer defaultMemberLimit() {
        return memberLimit;
    }

    public boolean paid() {
        return this != FREE;
    }
}
