package dev.canopy.branches;

import java.time.Instant;

/**
 * A request to connect a branch to a main portal.
 *
 * @param direction INVITE when the main side asked the branch, JOIN when the branch asked the main side
 */
public record NetworkRequest(
        long id,
        long mainPortalId,
        long branchPortalId,
        Direction direction,
        State state,
        long requestedBy,
        Instant createdAt,
        Instant expiresAt) {

    public enum Direction {
        INVITE,
        JOIN
    }

    public enum State {
        PENDING,
        ACCEPTED,
        DECLINED,
        WITHDRAWN,
        EXPIRED
    }

    /** The portal whose administrators answer the request. */
    public long answeringPortalId() {
        return direction == Direction.INVITE ? branchPortalId : mainPortalId;
    }

    /** The portal whose administrators sent the request and may withdraw it. */
    public long requestingPortalId() {
        return direction == Direction.INVITE ? mainPortalId : branchPortalId;
    }
}
