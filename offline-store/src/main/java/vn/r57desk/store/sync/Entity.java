package vn.r57desk.store.sync;

import java.util.List;
import java.util.Set;

/**
 * One kind of row the sync protocol carries, with its wire fields in protocol order. Derived from
 * the cache schema ({@link Entities}), so the wire format and the tables cannot drift apart.
 *
 * @param name    the entity's wire name ("task")
 * @param table   its table in the cache ("tasks")
 * @param fields  wire fields, in the order rows carry them
 * @param key     the fields that identify a row (a tombstone carries these and the version)
 * @param parent  true when other entities refer to it (its ids are tracked to check references)
 */
public record Entity(String name, String table, List<Field> fields, List<String> key, boolean parent) {

    public enum Type { INTEGER, REAL, TEXT }

    /**
     * @param required the wire requires it (a row without it is refused)
     * @param notNull  the table's column is NOT NULL: a row read from a table never lacks it
     * @param ref     the entity this field refers to (by its id), or null
     * @param allowed the values a text field may take (from the schema's CHECK), empty when free
     */
    public record Field(String name, Type type, boolean required, boolean notNull, String ref, Set<String> allowed, int maxLength) {}

    public Field field(String fieldName) {
        for (Field f : fields) if (f.name().equals(fieldName)) return f;
        return null;
    }

    public boolean versioned() {
        return field("version") != null;
    }

    /** Index of each key field in {@link #fields()}. */
    public int[] keyIndexes() {
        int[] idx = new int[key.size()];
        for (int i = 0; i < key.size(); i++) idx[i] = fields.indexOf(field(key.get(i)));
        return idx;
    }
}
