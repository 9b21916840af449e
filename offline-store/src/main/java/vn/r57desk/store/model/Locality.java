package vn.r57desk.store.model;

/** A province (parentId null) or a commune. Synthetic communes are marked so the UI can say so. */
public record Locality(long id, String code, Level level, Long parentId, Bilingual name, String kind, String region,
                       boolean synthetic) {
    public enum Level { PROVINCE, COMMUNE }
}
