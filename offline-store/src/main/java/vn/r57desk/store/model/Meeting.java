package vn.r57desk.store.model;

import java.time.LocalDateTime;
import java.time.ZoneId;

/** A meeting of the Steering Committee (or a briefing); {@code startsAt} in Vietnam's time, as the data gives it. */
public record Meeting(long id, Bilingual title, LocalDateTime startsAt, String location) {
    /** The programme's clock: meeting times in the data carry no zone and are Vietnam's. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /**
     * A meeting's start as the data holds it: {@code 2026-11-28T14:00} (Vietnam's time); a server
     * may also send seconds, an offset ({@code …+07:00}, {@code …Z}) or just the day.
     *
     * @throws java.time.format.DateTimeParseException when it is none of these
     */
    public static LocalDateTime parseStart(String text) {
        try {
            return LocalDateTime.parse(text);
        } catch (java.time.format.DateTimeParseException notLocal) {
            try {
                return java.time.OffsetDateTime.parse(text).atZoneSameInstant(ZONE).toLocalDateTime();
            } catch (java.time.format.DateTimeParseException notOffset) {
                return java.time.LocalDate.parse(text).atStartOfDay();
            }
        }
    }
}
