package vn.r57desk.store.meeting;

import java.time.Instant;

/**
 * A private note, anchored to a stable id: {@code anchorKind} is a subject kind ({@code initiative},
 * {@code locality}…), {@code meeting} or {@code agenda_item}; {@code anchorCode} is the subject's
 * code, the meeting's id, or {@code MEETING#POSITION} for an agenda item. {@code state} says where it
 * stands: private on this laptop, waiting in the outbox, sent, or refused by the server.
 */
public record Note(String id, String anchorKind, String anchorCode, String body, Long meetingId, Instant createdAt, Instant updatedAt,
                   String outboxId, State state) {
    public enum State { PRIVATE, WAITING, SENT, REFUSED }

    /** {@code initiative:SYS4-S2}. */
    public String anchor() {
        return anchorKind + ":" + anchorCode;
    }
}
