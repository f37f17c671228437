package org.dysonsim.actors;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.pekko.actor.typed.Behavior;
import org.dysonsim.protocol.MatrixCheckpoint;
import org.dysonsim.protocol.RecorderCommand;
import org.dysonsim.protocol.TrajectoryEvent;

/**
 * The memory behind {@link RecorderFactory#inMemory()}: per member, the events its recorder has
 * stored. Each member's entry is written by that member's recorder only; reads may come from
 * any thread.
 */
final class InMemoryJournal implements RecorderFactory {

    /** One member's journal. */
    static final class Entry {
        private TrajectoryEvent.RunStarted started;
        private final List<TrajectoryEvent.SnapshotRecorded> snapshots = new ArrayList<>();
        private final List<TrajectoryEvent.GradientRecorded> gradients = new ArrayList<>();
        private final List<TrajectoryEvent.NetworkMetricsRecorded> metrics = new ArrayList<>();
        private RecorderCommand.Status status = RecorderCommand.Status.NEW;
        private String failure;
        private MatrixCheckpoint checkpoint;

        synchronized void begin(TrajectoryEvent.RunStarted event) {
            started = event;
            status = RecorderCommand.Status.RUNNING;
            failure = null;
        }

        synchronized void record(TrajectoryEvent.SnapshotRecorded event) {
            snapshots.add(event);
            if (status != RecorderCommand.Status.COMPLETED) status = RecorderCommand.Status.RUNNING;
        }

        synchronized void recordGradient(TrajectoryEvent.GradientRecorded event) {
            gradients.add(event);
        }

        synchronized void recordMetrics(TrajectoryEvent.NetworkMetricsRecorded event) {
            metrics.add(event);
        }

        synchronized List<TrajectoryEvent.NetworkMetricsRecorded> metrics() {
            return List.copyOf(metrics);
        }

        synchronized void complete() {
            status = RecorderCommand.Status.COMPLETED;
            failure = null;
        }

        synchronized void fail(String reason) {
            status = RecorderCommand.Status.FAILED;
            failure = reason;
        }

        synchronized void saveCheckpoint(MatrixCheckpoint saved) {
            checkpoint = saved;
        }

        synchronized MatrixCheckpoint checkpoint() {
            return checkpoint;
        }

        synchronized RecorderCommand.RecorderState state() {
            TrajectoryEvent.SnapshotRecorded last = snapshots.isEmpty() ? null : snapshots.get(snapshots.size() - 1);
            return new RecorderCommand.RecorderState(started, last, status, failure);
        }

        synchronized List<TrajectoryEvent.SnapshotRecorded> snapshots() {
            return List.copyOf(snapshots);
        }

        synchronized List<TrajectoryEvent.GradientRecorded> gradients() {
            return List.copyOf(gradients);
        }
    }

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    Entry entry(String runId, int member) {
        return entries.computeIfAbsent(runId + "|" + member, key -> new Entry());
    }

    @Override
    public Behavior<RecorderCommand> recorder(String runId, int member) {
        return InMemoryRecorder.create(entry(runId, member));
    }

    @Override
    public MemberTrajectory recorded(String runId, int member) {
        Entry entry = entry(runId, member);
        List<TrajectoryEvent> events = new ArrayList<>(entry.snapshots());
        events.addAll(entry.gradients());
        events.addAll(entry.metrics());
        return MemberTrajectory.of(member, events);
    }
}
