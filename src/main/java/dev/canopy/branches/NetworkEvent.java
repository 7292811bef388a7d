package dev.canopy.branches;

/** What the network log records. */
public enum NetworkEvent {
    CONNECTED,
    DISCONNECTED,
    LEFT,
    SUSPENDED,
    RESTORED,
    BLOCKED,
    DISABLED,
    REQUEST_SENT,
    REQUEST_RECEIVED,
    REQUEST_ACCEPTED,
    REQUEST_DECLINED,
    REQUEST_WITHDRAWN,
    REQUEST_EXPIRED
}
