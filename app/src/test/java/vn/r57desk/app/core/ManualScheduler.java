package vn.r57desk.app.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A clock the test moves by hand; runs what falls due, in order. Nothing depends on the machine's speed. */
public final class ManualScheduler implements Scheduler {
    public record Job(long at, Runnable action, boolean[] cancelled) {}

    public long now;
    public final List<Job> jobs = new ArrayList<>();

    @Override
    public Pending after(Duration delay, Runnable action) {
        boolean[] cancelled = {false};
        jobs.add(new Job(now + delay.toMillis(), action, cancelled));
        return () -> cancelled[0] = true;
    }

    @Override
    public long millis() {
        return now;
    }

    /** Jobs not cancelled and not yet run. */
    public List<Job> pending() {
        return jobs.stream().filter(j -> !j.cancelled()[0]).toList();
    }

    public void advance(Duration d) {
        long until = now + d.toMillis();
        while (true) {
            Job next = jobs.stream().filter(j -> !j.cancelled()[0] && j.at() <= until).min((a, b) -> Long.compare(a.at(), b.at())).orElse(null);
            if (next == null) break;
            jobs.remove(next);
            now = next.at();
            next.action().run();
        }
        now = until;
    }
}
