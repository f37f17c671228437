package org.dysonsim.scenarios.serve;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Sink;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.persistence.JournalException;
import org.dysonsim.persistence.JournalSession;
import org.dysonsim.persistence.TrajectoryReader;
import org.dysonsim.protocol.TrajectoryEvent;
import org.dysonsim.scenarios.StoredRun;
import org.dysonsim.scenarios.config.ScenarioException;
import org.dysonsim.scenarios.report.rendering.Json;

/**
 * What the live pages of one run show, shared by all of them: each poll reads, per member, only
 * the events recorded since the last one it read (from the last sequence number seen), so the
 * journal is read once however many pages are open, and never again from the start.
 */
final class RunWatch {
    /** Per-member steps are listed for runs up to this many members; beyond, only the overall range. */
    static final int LISTED_MEMBERS = 256;
    private static final long READ_TIMEOUT_SECONDS = 60;
    /**
     * The time a poll spends at most holding followed members' snapshots against theory: a law at
     * a new time can take a good fraction of a second (a free convolution of 64 members' starts),
     * and the poller shares the run's cores. Snapshots left over are measured by later polls.
     */
    static final Duration MEASURING_PER_POLL = Duration.ofMillis(250);
    /** A followed member's snapshots waiting to be measured are thinned to this many, evenly spread over time. */
    static final int MEASURED_BACKLOG = 24;
    /** Polls that try to read the run's scenario before giving up on it (an old scenario that no longer reads). */
    private static final int SPEC_READS = 30;

    private final String runId;
    private final TreeMap<Integer, MemberProgress> members = new TreeMap<>();
    private final Set<Integer> followed = new HashSet<>();
    private RunSpec spec;
    private LiveTheory theory;
    private boolean specRead;
    private int specReads;
    private long version;
    private long lastChangeNanos;
    private final Map<String, String> views = new HashMap<>();
    private long viewsVersion = -1;
    private volatile long lastUsedNanos = System.nanoTime();

    RunWatch(String runId) {
        this.runId = runId;
    }

    /** Marks the watch as wanted by an open page. */
    void touch() {
        lastUsedNanos = System.nanoTime();
    }

    boolean unusedFor(Duration idle) {
        return System.nanoTime() - lastUsedNanos > idle.toNanos();
    }

    /** Reads what the journal gained since the last poll, and holds the followed members' new snapshots against theory. */
    void poll(JournalSession session, Materializer materializer) {
        if (!session.holds(runId)) return; // nothing recorded yet
        TrajectoryReader reader = session.reader();
        if (!specRead) readSpec(reader);
        boolean changed = false;
        for (int member : reader.members(runId)) {
            MemberProgress progress;
            boolean fresh;
            synchronized (this) {
                progress = members.get(member);
                // a member a page follows from now on is read again from its start, for its distances at every time
                fresh = progress == null || followed.contains(member) && !progress.followed();
                if (fresh) progress = new MemberProgress(followed.contains(member));
            }
            long from = progress.lastSequenceNr() + 1;
            long last = reader.lastSequenceNumber(runId, member);
            List<TrajectoryEvent> events = last < from ? List.of()
                    : await(reader.source(runId, member, from, last).runWith(Sink.seq(), materializer));
            synchronized (this) {
                for (int i = 0; i < events.size(); i++) progress.apply(from + i, events.get(i), theory);
                if (fresh) members.put(member, progress);
                if (!events.isEmpty()) {
                    changed = true;
                    lastChangeNanos = System.nanoTime();
                }
            }
        }
        changed |= measureFollowed();
        // one change per poll, once everything it read is in: a page never gets half a poll
        synchronized (this) {
            if (changed) version++;
        }
    }

    /** The distances to theory of the followed members' snapshots read since the last poll; whether there were any. */
    private boolean measureFollowed() {
        if (theory == null) { // nothing to measure against (yet): keep the backlog thin
            synchronized (this) {
                for (MemberProgress progress : members.values()) {
                    if (progress.followed()) progress.stillUnmeasured(spread(progress.takeUnmeasured(), MEASURED_BACKLOG));
                }
            }
            return false;
        }
        TreeMap<Integer, double[]> firsts = new TreeMap<>();
        Map<Integer, List<TrajectoryEvent.SnapshotRecorded>> unmeasured = new HashMap<>();
        synchronized (this) {
            members.forEach((member, progress) -> {
                if (progress.first() != null) firsts.put(member, progress.first());
                if (progress.followed()) unmeasured.put(member, progress.takeUnmeasured());
            });
        }
        theory.started(firsts);
        List<Integer> started = List.copyOf(firsts.keySet());
        long deadline = System.nanoTime() + MEASURING_PER_POLL.toNanos();
        boolean measured = false;
        for (var entry : unmeasured.entrySet()) {
            int member = entry.getKey();
            // newest first, as far as the poll's time allows; the rest waits for the next poll
            List<TrajectoryEvent.SnapshotRecorded> waiting = spread(entry.getValue(), MEASURED_BACKLOG);
            List<LiveTheory.Distance> distances = new ArrayList<>();
            List<LiveTheory.LayerPoint> layerPoints = new ArrayList<>();
            int next = waiting.size() - 1;
            for (; next >= 0 && System.nanoTime() < deadline; next--) {
                TrajectoryEvent.SnapshotRecorded snapshot = waiting.get(next);
                distances.addAll(theory.measure(member, started.indexOf(member), snapshot.t(), snapshot.values()));
                layerPoints.addAll(theory.layerMetrics(snapshot.step(), snapshot.values()));
            }
            synchronized (this) {
                MemberProgress progress = members.get(member);
                for (LiveTheory.Distance d : distances) progress.measured(d.series(), d.t(), d.value(), d.threshold());
                for (LiveTheory.LayerPoint p : layerPoints) progress.measuredLayer(p.layer(), p.step(), p.alpha(), p.numSpikes());
                progress.stillUnmeasured(waiting.subList(0, next + 1));
            }
            measured |= !distances.isEmpty() || !layerPoints.isEmpty();
        }
        return measured;
    }

    /** At most {@code count} of {@code snapshots}, evenly spread, the last among them. */
    static <T> List<T> spread(List<T> snapshots, int count) {
        if (snapshots.size() <= count) return snapshots;
        List<T> out = new ArrayList<>();
        for (int k = 0; k < count; k++) out.add(snapshots.get((int) ((long) (k + 1) * snapshots.size() / count) - 1));
        return out;
    }

    /**
     * A page follows {@code member}: from the next poll on its snapshots are held against theory.
     * @return whether it was not followed before (the caller may poll at once)
     */
    synchronized boolean follow(int member) {
        return followed.add(member);
    }

    private void readSpec(TrajectoryReader reader) {
        try {
            spec = StoredRun.read(reader, runId);
            theory = new LiveTheory(spec);
            specRead = true;
        } catch (ScenarioException e) {
            // the member it is read from has not recorded its start yet (a page opened as the run
            // started): read again at the next poll; an old scenario never reads: no law, no planned steps
            specRead = ++specReads >= SPEC_READS;
        }
    }

    /**
     * Whether the run recorded something in the last {@code window}: then a process records it,
     * and serves the embedded journal's file (a run killed since, whatever its members say, is not).
     * A run whose members have all ended records no more: a run started next in the directory must
     * not wait for the window to pass.
     */
    synchronized boolean recordedWithin(Duration window) {
        boolean running = members.values().stream().anyMatch(progress -> progress.end().equals("running"));
        return running && version > 0 && System.nanoTime() - lastChangeNanos < window.toNanos();
    }

    /** Changes whenever a poll read something new. */
    synchronized long version() {
        return version;
    }

    /**
     * Whether {@code member} is a member of the run as planned; before any member recorded its
     * start the plan is unknown, and any member number that can exist is accepted.
     */
    synchronized boolean hasMember(int member) {
        if (spec != null && spec.members() > 0) return member >= 0 && member < spec.members();
        return members.isEmpty() ? member >= 0 : members.containsKey(member);
    }

    /** Whether {@code layer} is a layer of a layered run; 0 for any other run (its one spectrum). */
    synchronized boolean hasLayer(int layer) {
        List<String> layers = theory == null ? null : theory.layerNames();
        return layers == null ? layer == 0 : layer >= 0 && layer < layers.size();
    }

    /** The live view's state for {@code member} (and {@code layer}), as JSON; built once per poll that read something, however many pages ask. */
    synchronized String view(int member, int layer) {
        if (viewsVersion != version) {
            views.clear();
            viewsVersion = version;
        }
        return views.computeIfAbsent(member + "/" + layer, key -> render(member, layer));
    }

    private String render(int member, int layer) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run", runId);
        out.put("member", member);
        out.put("version", version);
        out.put("members", spec != null ? spec.members() : members.size());
        out.put("plannedSteps", spec != null ? spec.steps() : null);
        long min = members.isEmpty() ? 0 : Long.MAX_VALUE;
        long max = 0;
        Map<String, Integer> ends = new LinkedHashMap<>(Map.of("running", 0, "completed", 0, "failed", 0));
        List<Long> steps = new ArrayList<>();
        for (MemberProgress progress : members.values()) {
            min = Math.min(min, progress.step());
            max = Math.max(max, progress.step());
            ends.merge(progress.end(), 1, Integer::sum);
            if (members.size() <= LISTED_MEMBERS) steps.add(progress.step());
        }
        out.put("overall", Map.of("minStep", min, "maxStep", max));
        out.put("ends", ends);
        out.put("memberSteps", members.size() <= LISTED_MEMBERS ? steps : null);
        MemberProgress chosen = members.get(member);
        TrajectoryEvent.SnapshotRecorded latest = chosen == null ? null : chosen.latest();
        out.put("step", chosen == null ? 0 : chosen.step());
        out.put("layers", theory == null ? null : theory.layerNames());
        out.put("layer", layer);
        LiveTheory.Curve curve = latest == null || theory == null ? null : theory.curve(latest.t(), layer);
        out.put("lawName", curve == null ? null : curve.name());
        out.put("spectrum", SpectrumHistogram.of(latest == null ? new double[0] : theory.levels(latest.values(), layer),
                curve == null ? null : curve.law()));
        double[][] moments = chosen == null ? new double[3][0] : chosen.moments(layer);
        out.put("moments", columns(List.of("t", "mean", "variance"), moments));
        double[][] metrics = chosen == null ? new double[4][0] : chosen.metrics();
        out.put("metrics", columns(List.of("step", "trainLoss", "testLoss", "testAccuracy"), metrics));
        out.put("distances", distances(chosen, layer));
        double[][] layerMetrics = chosen == null ? new double[3][0] : chosen.layerMetrics(layer);
        out.put("layerMetrics", columns(List.of("step", "alpha", "numSpikes"), layerMetrics));
        double[][] randomDistance = chosen == null ? new double[3][0] : chosen.randomDistance(layer);
        out.put("randomDistance", columns(List.of("step", "ks", "w1"), randomDistance));
        return Json.write(out);
    }

    private static Map<String, double[]> columns(List<String> names, double[][] columns) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int c = 0; c < columns.length; c++) out.put(names.get(c), columns[c]);
        return out;
    }

    /** The chosen member's distances to theory against time: every prediction's, or the chosen layer's. */
    private List<Map<String, Object>> distances(MemberProgress chosen, int layer) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (chosen == null || theory == null) return out;
        List<String> layers = theory.layerNames();
        chosen.distances().forEach((series, columns) -> {
            if (layers != null && !series.equals(layers.get(layer))) return;
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", series);
            double[][] sorted = columns.sortedBy(0); // measured newest first, drawn in time
            for (int c = 0; c < 3; c++) one.put(List.of("t", "distance", "threshold").get(c), sorted[c]);
            out.add(one);
        });
        return out;
    }

    private static <T> T await(java.util.concurrent.CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JournalException("interrupted while reading the journal", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof JournalException j ? j
                    : new JournalException("cannot read the journal: " + e.getCause().getMessage(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new JournalException("the journal did not answer within " + READ_TIMEOUT_SECONDS + " s", e);
        }
    }
}
