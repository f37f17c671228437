package org.dysonsim.persistence;

import org.apache.pekko.NotUsed;
import com.typesafe.config.Config;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.japi.pf.PFBuilder;
import org.apache.pekko.stream.Graph;
import org.apache.pekko.stream.SourceShape;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.javadsl.StreamConverters;
import org.dysonsim.protocol.TrajectoryEvent;

import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads recorded trajectories from the journal's tables by their keys (EventPages,
 * PersistenceIdScan), never through the recorders: replay and export need no live run. The JDBC
 * read journal's own queries are not used: they order by sequence number alone, which H2 answers
 * by reading a member's every row (O(R²) for a member read in pages). Event streams are pulled one
 * element at a time, so memory stays constant however long the run.
 */
public final class TrajectoryReader {

    private static final long QUERY_TIMEOUT_SECONDS = 120;

    private final ActorSystem<?> system;

    /** @param system an actor system configured by {@link JournalConfig} */
    public TrajectoryReader(ActorSystem<?> system) {
        this.system = system;
    }

    /** The actor system the reader runs its queries in. */
    ActorSystem<?> system() {
        return system;
    }

    /** One event of one member. */
    public record MemberEvent(int member, TrajectoryEvent event) {}

    /** Every run id with at least one recorded event, sorted. */
    public List<String> runIds() {
        return persistenceIds().stream().map(PersistenceIds::parse).filter(Objects::nonNull)
                .map(PersistenceIds.Member::runId).distinct().sorted().toList();
    }

    /** Every persistence id of the journal, one indexed look-up each (never a scan of every event). */
    private List<String> persistenceIds() {
        return PersistenceIdScan.all(system.settings().config());
    }

    /**
     * The members of a run that recorded something, ascending.
     *
     * @throws JournalException if the run is unknown
     */
    public SortedSet<Integer> members(String runId) {
        PersistenceIds.check(runId);
        SortedSet<Integer> members = membersOf(runId, PersistenceIds::parse);
        if (members.isEmpty()) {
            throw new JournalException("unknown run id \"" + runId + "\"; `dyson list` shows the recorded runs");
        }
        return members;
    }

    /** The members of a run whose h/2 companion (error control) recorded something, ascending; empty if none. */
    public SortedSet<Integer> fineMembers(String runId) {
        PersistenceIds.check(runId);
        return membersOf(runId, PersistenceIds::parseFine);
    }

    private SortedSet<Integer> membersOf(String runId, Function<String, PersistenceIds.Member> parse) {
        return persistenceIds().stream().map(parse).filter(Objects::nonNull)
                .filter(member -> member.runId().equals(runId))
                .map(PersistenceIds.Member::member)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every event of one member's h/2 companion in order. Close the stream. */
    public Stream<TrajectoryEvent> fineEvents(String runId, int member) {
        return checkedEvents(PersistenceIds.finePersistenceId(runId, member), 0, Long.MAX_VALUE)
                .runWith(StreamConverters.asJavaStream(), system);
    }

    /** The highest sequence number of a member's journal, 0 if it has none. */
    public long lastSequenceNumber(String runId, int member) {
        String persistenceId = PersistenceIds.persistenceId(runId, member);
        try {
            return EventPages.lastSequenceNumber(system.settings().config(), persistenceId);
        } catch (SQLException e) {
            throw new JournalException("cannot read member " + member + " of run " + runId + ": " + e.getMessage(), e);
        }
    }

    /**
     * The events of one member with sequence numbers in [from, to], as a Pekko stream source. Every
     * snapshot and gradient record is checked against its checksum: the stream fails with a
     * {@link JournalException} naming the member and step at the first that does not match.
     */
    public Source<TrajectoryEvent, NotUsed> source(String runId, int member, long fromSequenceNr, long toSequenceNr) {
        return checkedEvents(PersistenceIds.persistenceId(runId, member), fromSequenceNr, toSequenceNr);
    }

    private Source<TrajectoryEvent, NotUsed> checkedEvents(String persistenceId, long from, long to) {
        // sequence numbers are contiguous: a hole means records the journal acknowledged are gone
        return envelopes(persistenceId, from, to, 1)
                .statefulMap(() -> new long[] {Math.max(from, 1) - 1}, (last, envelope) -> {
                    RecordIntegrity.checkContiguous(persistenceId, last[0], envelope.sequenceNr());
                    last[0] = envelope.sequenceNr();
                    return Pair.create(last, envelope);
                }, last -> Optional.empty())
                .map(envelope -> RecordIntegrity.checked(persistenceId, eventOf(envelope)))
                .mapError(Throwable.class, failure -> RecordIntegrity.unreadable(persistenceId, failure));
    }

    /**
     * The stored events of one member with sequence numbers in [from, to]. When a neighbour that
     * served the embedded journal to this process exits, the read breaks off (or its reopening meets
     * the next process taking the file over: "Lock file recently modified"); it is taken up again
     * after the last event read, on the connection of whoever serves the file next, as often as
     * {@link Journal#HAND_OVER_ATTEMPTS} allows.
     */
    private Source<EventPages.StoredEvent, NotUsed> envelopes(String persistenceId, long from, long to, int attempt) {
        Config config = system.settings().config();
        return Source.lazySource(() -> {
            long[] next = {from};
            return EventPages.of(system, persistenceId, from, to)
                    .map(envelope -> {
                        next[0] = envelope.sequenceNr() + 1;
                        return envelope;
                    })
                    .recoverWithRetries(1, new PFBuilder<Throwable, Graph<SourceShape<EventPages.StoredEvent>, NotUsed>>()
                            .match(Throwable.class,
                                    failure -> attempt < JournalRetry.ATTEMPTS && JournalRetry.changingHands(config, failure),
                                    failure -> envelopes(persistenceId, next[0], to, attempt + 1)
                                            .initialDelay(JournalRetry.pauseBefore(attempt)))
                            .build());
        }).mapMaterializedValue(ignored -> NotUsed.getInstance());
    }

    /**
     * What a whole run read back: its members, how many of them ended with a completed event, and
     * its snapshots (members and h/2 companions).
     */
    public record ReadBack(int members, int completed, long snapshots) {
        public static final ReadBack NOTHING = new ReadBack(0, 0, 0);
    }

    /**
     * Reads every event of a run (its members and their h/2 companions), checking each stored
     * snapshot and gradient record against its checksum, in constant memory.
     *
     * @throws JournalException naming the run, member and step of the first record that does not
     *                          match, or if the run is unknown
     */
    public ReadBack verify(String runId) {
        int members = 0;
        int completed = 0;
        long snapshots = 0;
        for (int member : members(runId)) {
            members++;
            boolean done = false;
            try (Stream<TrajectoryEvent> events = events(runId, member)) {
                for (var it = events.iterator(); it.hasNext(); ) {
                    TrajectoryEvent event = it.next();
                    if (event instanceof TrajectoryEvent.SnapshotRecorded) snapshots++;
                    done = event instanceof TrajectoryEvent.RunCompleted || (done && !(event instanceof TrajectoryEvent.RunStarted));
                }
            }
            if (done) completed++;
        }
        for (int member : fineMembers(runId)) {
            try (Stream<TrajectoryEvent> events = fineEvents(runId, member)) {
                snapshots += events.filter(TrajectoryEvent.SnapshotRecorded.class::isInstance).count();
            }
        }
        return new ReadBack(members, completed, snapshots);
    }

    /**
     * Every event of one member in order. The stream holds a database cursor: close it
     * (try-with-resources).
     */
    public Stream<TrajectoryEvent> events(String runId, int member) {
        return source(runId, member, 0, Long.MAX_VALUE).runWith(StreamConverters.asJavaStream(), system);
    }

    /**
     * The events of the given members of a run, member by member in ascending order, each
     * member's in journal order. Close the stream.
     */
    public Stream<MemberEvent> events(String runId, SortedSet<Integer> members) {
        Source<MemberEvent, NotUsed> all = Source.from(List.copyOf(members))
                .flatMapConcat(member -> source(runId, member, 0, Long.MAX_VALUE)
                        .map(event -> new MemberEvent(member, event)));
        return all.runWith(StreamConverters.asJavaStream(), system);
    }

    /**
     * The gradient records of one member of a matrix-level run, in step order (empty for a
     * particle-level run). Each belongs to the snapshot of the same step; see
     * {@link TrajectoryEvent.GradientRecorded} for what its fields mean.
     */
    public List<TrajectoryEvent.GradientRecorded> gradients(String runId, int member) {
        try (Stream<TrajectoryEvent> events = events(runId, member)) {
            return events.filter(TrajectoryEvent.GradientRecorded.class::isInstance)
                    .map(TrajectoryEvent.GradientRecorded.class::cast)
                    .toList();
        }
    }

    /** The metrics of one member of a network run, in step order (empty for other runs). */
    public List<TrajectoryEvent.NetworkMetricsRecorded> networkMetrics(String runId, int member) {
        try (Stream<TrajectoryEvent> events = events(runId, member)) {
            return events.filter(TrajectoryEvent.NetworkMetricsRecorded.class::isInstance)
                    .map(TrajectoryEvent.NetworkMetricsRecorded.class::cast)
                    .toList();
        }
    }

    private static TrajectoryEvent eventOf(EventPages.StoredEvent envelope) {
        if (envelope.event() instanceof TrajectoryEvent event) {
            return event;
        }
        throw new JournalException("the journal entry " + envelope.persistenceId() + " #" + envelope.sequenceNr()
                + " is not a trajectory event (" + envelope.event().getClass().getName() + ")");
    }

    static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(QUERY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JournalException("interrupted while reading the journal", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof JournalException journalException) {
                throw journalException;
            }
            String message = String.valueOf(cause.getMessage());
            int newline = message.indexOf('\n');
            throw new JournalException("cannot read the journal: " + (newline < 0 ? message : message.substring(0, newline)), cause);
        } catch (TimeoutException e) {
            throw new JournalException("the journal did not answer within " + QUERY_TIMEOUT_SECONDS + " s", e);
        }
    }
}
