package vn.r57desk.store.model;

/** A ministry or central body. */
public record Agency(long id, String code, Bilingual name, String kind) {}
