package dev.canopy.notifications;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One notification as its recipient reads it. The text is the message {@code messageKey} with {@code arguments},
 * rendered in the reader's language.
 *
 * @param link a path on the portal's own host, or null
 */
public record Notification(
        long id, String messageKey, List<String> arguments, String link, Instant createdAt, boolean read) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    public Object[] argumentArray() {
        return arguments.toArray();
    }

    public String createdAtText() {
        return TIME.format(createdAt.atOffset(ZoneOffset.UTC));
    }
}
