package vn.r57desk.store.model;

import java.time.LocalDate;
import java.util.List;

/** A breakthrough initiative of a system. */
public record Initiative(long id, String code, long systemId, Bilingual title, Bilingual orientation, Bilingual outputs,
                         Bilingual criteria, long leadAgencyId, List<Long> coordinatingAgencyIds, String chiefEngineer,
                         LocalDate startDate, LocalDate deadline, int phase, Status status, double progress,
                         boolean synthetic) {
    public enum Status {
        NOT_STARTED, IN_PROGRESS, COMPLETED, SUSPENDED;

        public String dbValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Status fromDb(String s) {
            return valueOf(s.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public Initiative {
        coordinatingAgencyIds = List.copyOf(coordinatingAgencyIds);
    }
}
