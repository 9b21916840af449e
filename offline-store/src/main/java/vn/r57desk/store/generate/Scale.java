package vn.r57desk.store.generate;

import java.util.Locale;

/**
 * Dataset sizes. {@code demo} ships with the app; {@code national} is the size of the real
 * programme (about 3,300 communes, ≥ 3 million observations, 100,000 tasks); {@code x10} is ten times
 * the reporting units and tasks, for growth measurements.
 */
public enum Scale {
    DEMO(4, 3_000, 2),
    NATIONAL(-1, 100_000, 7),
    X10(-10, 1_000_000, 7);

    /** Communes per province when positive; otherwise that multiple of the real count (3,321). */
    final int communes;
    final int tasks;
    /** Synthetic operational KPIs per system. */
    final int localKpisPerSystem;

    Scale(int communes, int tasks, int localKpisPerSystem) {
        this.communes = communes;
        this.tasks = tasks;
        this.localKpisPerSystem = localKpisPerSystem;
    }

    public int tasks() {
        return tasks;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Scale parse(String s) {
        for (Scale v : values()) if (v.id().equalsIgnoreCase(s.trim())) return v;
        throw new IllegalArgumentException("unknown scale '" + s + "': use demo, national or x10");
    }
}
