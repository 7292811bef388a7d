package dev.canopy.directory;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The signed-in active member a portal-host request runs as. Controllers of portal pages take it as an argument.
 */
public record CurrentMember(Portal portal, Person person, Membership membership) {

    static final String ATTRIBUTE = CurrentMember.class.getName();

    public static CurrentMember of(HttpServletRequest request) {
        CurrentMember member = (CurrentMember) request.getAttribute(ATTRIBUTE);
        if (member == null) {
            throw new IllegalStateException("No portal member for " + request.getRequestURI());
        }
        return member;
    }

    /** Finds the member of a portal-host request, or nothing on the hub and before sign-in. */
    public static Optional<CurrentMember> find(HttpServletRequest request) {
        return Optional.ofNullable((CurrentMember) request.getAttribute(ATTRIBUTE));
    }

    public boolean administrator() {
        return membership.role() == MemberRole.ADMINISTRATOR;
    }
}
