package vn.r57desk.store.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A decision or an action recorded in a meeting, on this laptop: what, which agency answers for
 * it, by when, and whether it is done. {@code subject} is null for an item without one.
 * {@code outboxId} is set once the user sent it to the monitoring system.
 */
public record MeetingAction(String id, long meetingId, Long agendaItemId, LocalDateTime meetingStartsAt, Subject subject, Kind kind,
                            String text, String agencyCode, LocalDate due, Instant doneAt, Instant createdAt, Instant updatedAt,
                            String outboxId) {
    public enum Kind { DECISION, ACTION }

    public boolean done() {
        return doneAt != null;
    }

    public boolean sent() {
        return outboxId != null;
    }

    /** Not done and past its due date on {@code day}. */
    public boolean overdueOn(LocalDate day) {
        return !done() && due != null && due.isBefore(day);
    }
}
