package vn.r57desk.server;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;

/**
 * Switches that make the server misbehave the way real networks and servers do, for tests and
 * demos: slow answers, connections dropped mid-page, 5xx, pages cut short, pages with garbage in
 * them, outbox replies lost after the items were stored. Either a rate (each page request and
 * outbox push rolls a die) or a queue of faults for the next requests (deterministic, for tests).
 */
public final class Faults {
    public enum Fault {
        /** The connection is closed halfway through a page, without ending the response. */
        DROP,
        /** HTTP 503 with an error body. */
        SERVER_ERROR,
        /** A complete HTTP response whose page is cut short (no totals at the end). */
        TRUNCATE,
        /** A complete HTTP response with bytes in the middle of the page replaced by garbage. */
        MALFORM
    }

    private final SplittableRandom rnd;
    private final Deque<Fault> queued = new ArrayDeque<>();
    private final Deque<Fault> outboxQueued = new ArrayDeque<>();
    private volatile int latencyMs;
    private volatile double dropRate, errorRate, truncateRate, malformRate;

    public Faults(long seed) {
        this.rnd = new SplittableRandom(seed);
    }

    public Faults latency(int ms) {
        latencyMs = ms;
        return this;
    }

    public Faults rates(double drop, double error, double truncate, double malform) {
        dropRate = drop;
        errorRate = error;
        truncateRate = truncate;
        malformRate = malform;
        return this;
    }

    /** The next {@code times} page requests get {@code fault}. */
    public synchronized Faults next(Fault fault, int times) {
        for (int i = 0; i < times; i++) queued.add(fault);
        return this;
    }

    /**
     * The next {@code times} outbox pushes get {@code fault}: SERVER_ERROR refuses the push before
     * anything is stored; DROP, TRUNCATE and MALFORM store the items and then lose or spoil the
     * reply, so the client cannot know they arrived (and sends them again).
     */
    public synchronized Faults nextOutbox(Fault fault, int times) {
        for (int i = 0; i < times; i++) outboxQueued.add(fault);
        return this;
    }

    public synchronized void clear() {
        queued.clear();
        outboxQueued.clear();
        latencyMs = 0;
        dropRate = errorRate = truncateRate = malformRate = 0;
    }

    int latencyMs() {
        return latencyMs;
    }

    /** The fault for this page request, or null. */
    synchronized Fault roll() {
        if (!queued.isEmpty()) return queued.poll();
        return rollRates();
    }

    /** The fault for this outbox push, or null: its own queue, then the same rates as pages. */
    synchronized Fault rollOutbox() {
        if (!outboxQueued.isEmpty()) return outboxQueued.poll();
        return rollRates();
    }

    private Fault rollRates() {
        double r = rnd.nextDouble();
        if ((r -= dropRate) < 0) return Fault.DROP;
        if ((r -= errorRate) < 0) return Fault.SERVER_ERROR;
        if ((r -= truncateRate) < 0) return Fault.TRUNCATE;
        if ((r -= malformRate) < 0) return Fault.MALFORM;
        return null;
    }
}
