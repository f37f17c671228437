package org.dysonsim.scenarios.cli;

import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.pekko.dispatch.Futures;
import org.apache.pekko.persistence.AtomicWrite;
import org.apache.pekko.persistence.PersistentRepr;
import org.apache.pekko.persistence.journal.japi.AsyncWriteJournal;
import scala.concurrent.Future;

/**
 * An empty journal plugin whose every write fails as H2's does when the JVM runs out of memory
 * inside the database: an SQL error of code 90108 ("Out of memory.") carrying the
 * {@link OutOfMemoryError}.
 */
public final class OutOfMemoryJournal extends AsyncWriteJournal {

    @Override
    public Future<Iterable<Optional<Exception>>> doAsyncWriteMessages(Iterable<AtomicWrite> messages) {
        SQLException outOfMemory = new SQLException("Out of memory. [90108-224]", "90108", 90108,
                new OutOfMemoryError("Java heap space"));
        return Futures.failed(outOfMemory);
    }

    @Override
    public Future<Void> doAsyncDeleteMessagesTo(String persistenceId, long toSequenceNr) {
        return Futures.successful(null);
    }

    @Override
    public Future<Void> doAsyncReplayMessages(String persistenceId, long fromSequenceNr, long toSequenceNr, long max,
                                              Consumer<PersistentRepr> replayCallback) {
        return Futures.successful(null);
    }

    @Override
    public Future<Long> doAsyncReadHighestSequenceNr(String persistenceId, long fromSequenceNr) {
        return Futures.successful(0L);
    }
}
