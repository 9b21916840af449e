package vn.r57desk.store.model;

/** One of the six systems of the Strategic Action Plan. */
public record SystemInfo(long id, String code, String kind, Bilingual name, int sortOrder) {}
