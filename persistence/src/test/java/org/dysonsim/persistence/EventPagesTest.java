package org.dysonsim.persistence;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.stream.javadsl.Sink;
import org.dysonsim.protocol.TrajectoryEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A member's events are read a page at a time, in order, across page boundaries and within any
 * range of sequence numbers, and only the member's own.
 */
class EventPagesTest {

    private static final String RUN = "pages";

    @Test
    void aMemberOfSeveralPagesReadsInOrderAndAnyRangeReadsExactlyItsEvents(@TempDir Path root) throws Exception {
        Path data = root.resolve("data");
        long steps = 2 * EventPages.PAGE + 100;
        try (JournalFixture journal = JournalFixture.open(data, "")) {
            journal.recordRun(RUN, 0, 2, 30, 10, true);
            journal.recordRun(RUN, 1, 2, steps, 1, true);
            journal.recordRun(RUN, 2, 2, 30, 10, true);
        }
        try (JournalSession session = JournalSession.openForReading(data, ConfigFactory.empty())) {
            List<Long> snapshots = session.reader().events(RUN, 1)
                    .filter(TrajectoryEvent.SnapshotRecorded.class::isInstance)
                    .map(e -> ((TrajectoryEvent.SnapshotRecorded) e).step()).toList();
            assertEquals(steps + 1, snapshots.size(), "every snapshot of member 1, none of its neighbours'");
            for (int k = 0; k < snapshots.size(); k++) assertEquals(k, snapshots.get(k), "in step order");

            long from = EventPages.PAGE - 3, to = 2L * EventPages.PAGE + 7;
            List<TrajectoryEvent> range = session.reader().source(RUN, 1, from, to).runWith(Sink.seq(),
                    org.apache.pekko.stream.Materializer.createMaterializer(session.reader().system()))
                    .toCompletableFuture().get(60, TimeUnit.SECONDS);
            assertEquals(to - from + 1, range.size(), "sequence numbers " + from + " to " + to + ", across two page ends");
            long total = session.reader().lastSequenceNumber(RUN, 1);
            List<TrajectoryEvent> tail = session.reader().source(RUN, 1, total - 1, Long.MAX_VALUE).runWith(Sink.seq(),
                    org.apache.pekko.stream.Materializer.createMaterializer(session.reader().system()))
                    .toCompletableFuture().get(60, TimeUnit.SECONDS);
            assertEquals(2, tail.size(), "the last two events, however far the range reaches");
            assertEquals(4, session.reader().events(RUN, 2).filter(TrajectoryEvent.SnapshotRecorded.class::isInstance).count());
        }
    }
}
