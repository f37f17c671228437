package org.dysonsim.scenarios.serve;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Sink;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.persistence.JournalException;
import org.dysonsim.persistence.JournalSession;
import org.dysonsim.persistence.TrajectoryReader;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.physics.laws.MarchenkoPastur;
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

    private final String runId;
    private final TreeMap<Integer, MemberProgress> members = new TreeMap<>();
    private RunSpec spec;
    private boolean specRead;
    private long version;
    private long lastChangeNanos;
    private final Map<Integer, String> views = new java.util.HashMap<>();
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

    /** Reads what the journal gained since the last poll. */
    void poll(JournalSession session, Materializer materializer) {
        if (!session.holds(runId)) return; // nothing recorded yet
        TrajectoryReader reader = session.reader();
        if (!specRead) readSpec(reader);
        for (int member : reader.members(runId)) {
            MemberProgress progress;
            synchronized (this) {
                progress = members.computeIfAbsent(member, m -> new MemberProgress());
            }
            long from = progress.lastSequenceNr() + 1;
            long last = reader.lastSequenceNumber(runId, member);
            if (last < from) continue;
            List<TrajectoryEvent> events = await(reader.source(runId, member, from, last).runWith(Sink.seq(), materializer));
            synchronized (this) {
                for (int i = 0; i < events.size(); i++) progress.apply(from + i, events.get(i));
                version++;
                lastChangeNanos = System.nanoTime();
            }
        }
    }

    private void readSpec(TrajectoryReader reader) {
        try {
            spec = StoredRun.read(reader, runId);
            specRead = true;
        } catch (ScenarioException e) {
            specRead = true; // no member recorded its start yet, or an old scenario: no law, no planned steps
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

    /** The live view's state for {@code member}, as JSON; built once per poll that read something, however many pages ask. */
    synchronized String view(int member) {
        if (viewsVersion != version) {
            views.clear();
            viewsVersion = version;
        }
        return views.computeIfAbsent(member, this::render);
    }

    private String render(int member) {
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
        MarchenkoPastur law = initialLaw();
        out.put("step", chosen == null ? 0 : chosen.step());
        out.put("lawName", law == null ? null : "initial Marchenko–Pastur law (t = 0)");
        out.put("spectrum", SpectrumHistogram.of(chosen == null ? new double[0] : chosen.values(), law));
        double[][] moments = chosen == null ? new double[3][0] : chosen.moments();
        out.put("moments", Map.of("t", moments[0], "mean", moments[1], "variance", moments[2]));
        return Json.write(out);
    }

    /** The Marchenko–Pastur law the run started from, null if it started from another spectrum. */
    private MarchenkoPastur initialLaw() {
        if (spec == null || !(spec.init() instanceof InitialSpectrum.MarchenkoPastur mp)) return null;
        return MarchenkoPastur.ofGram(mp.rows(), mp.cols(), mp.sigma2());
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
