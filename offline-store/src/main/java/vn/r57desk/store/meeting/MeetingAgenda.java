package vn.r57desk.store.meeting;

import java.util.List;

import vn.r57desk.store.model.Meeting;

/** A meeting with its agenda in order. */
public record MeetingAgenda(Meeting meeting, List<AgendaItem> items) {
    public MeetingAgenda {
        items = List.copyOf(items);
    }

    /** The minutes the agenda allows in all (items without a time count nothing). */
    public int totalMinutes() {
        return items.stream().mapToInt(i -> i.minutes() == null ? 0 : i.minutes()).sum();
    }
}
