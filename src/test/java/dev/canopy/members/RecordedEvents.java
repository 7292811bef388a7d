package dev.canopy.members;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

/** Keeps the members events the application publishes, whichever thread serves the request. */
@TestComponent
class RecordedEvents {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @EventListener({InvitationAccepted.class, ApprovalRequested.class, MemberAdded.class})
    void record(Object event) {
        events.add(event);
    }

    List<Object> all() {
        return List.copyOf(events);
    }
}
