package org.dysonsim.actors;

import org.apache.pekko.actor.typed.Behavior;
import org.dysonsim.protocol.RecorderCommand;

/** How each member's recorder is created (one recorder per member, spawned by its supervisor). */
public interface RecorderFactory {

    Behavior<RecorderCommand> recorder(String runId, int member);

    /**
     * Recorders that keep everything in memory, for runs with recording off and for tests. The
     * returned factory is its own journal: a run resumed with the same factory continues from
     * what the first run recorded.
     */
    static RecorderFactory inMemory() {
        return new InMemoryJournal();
    }
}
