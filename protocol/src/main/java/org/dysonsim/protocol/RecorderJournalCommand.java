package org.dysonsim.protocol;

import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/** The protocol of a recorder's event-sourced journal, a child that only its recorder talks to. */
public sealed interface RecorderJournalCommand extends Wire permits RecorderJournalCommand.Persist {

    /** Commands in arrival order; {@code replyTo} hears when they are all durable and answered. */
    record Persist(List<RecorderCommand> commands, ActorRef<RecorderCommand.BatchWritten> replyTo)
            implements RecorderJournalCommand {
        public Persist {
            commands = new ArrayList<>(commands); // the one list class the Kryo table knows
        }
    }
}
