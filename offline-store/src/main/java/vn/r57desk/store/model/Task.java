package vn.r57desk.store.model;

import java.time.LocalDate;

/** A task of an initiative, assigned to exactly one agency or one locality. */
public record Task(long id, long initiativeId, Bilingual title, Long agencyId, Long localityId, LocalDate deadline,
                   LocalDate completedAt) {
    public Task {
        if ((agencyId == null) == (localityId == null)) {
            throw new IllegalArgumentException("task " + id + " needs exactly one assignee (agency or locality)");
        }
    }

    public boolean done() {
        return completedAt != null;
    }
}
