package vn.r57desk.store.meeting;

import vn.r57desk.store.model.Bilingual;

/**
 * One item of a meeting's agenda: its subject (null when the item has none, e.g. a general
 * ranking), the subject's name, who presents it (a role and, when the data says, their agency) and
 * the minutes allowed (null when the data does not say).
 */
public record AgendaItem(long id, long meetingId, int position, Bilingual title, Subject subject, Long subjectId, Bilingual subjectName,
                         Bilingual presenter, String presenterAgencyCode, Bilingual presenterAgency, Integer minutes) {}
