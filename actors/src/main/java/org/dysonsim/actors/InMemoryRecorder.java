package org.dysonsim.actors;

import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.dysonsim.protocol.RecorderCommand;

/**
 * A recorder that stores each member's events in an {@link InMemoryJournal.Entry}; like the
 * persistent recorder it acknowledges a command once its event is stored and answers
 * {@code GetState} with the last snapshot, {@code GetCheckpoint} with the last checkpoint.
 */
final class InMemoryRecorder {
    private InMemoryRecorder() {}

    static Behavior<RecorderCommand> create(InMemoryJournal.Entry entry) {
        return Behaviors.receive(RecorderCommand.class)
                .onMessage(RecorderCommand.Begin.class, begin -> {
                    entry.begin(begin.started());
                    begin.replyTo().tell(new RecorderCommand.Ack(RecorderCommand.Ack.NO_STEP));
                    return Behaviors.same();
                })
                .onMessage(RecorderCommand.Record.class, record -> {
                    entry.record(record.snapshot());
                    if (record.gradient() != null) entry.recordGradient(record.gradient());
                    if (record.metrics() != null) entry.recordMetrics(record.metrics());
                    record.replyTo().tell(new RecorderCommand.Ack(record.snapshot().step()));
                    return Behaviors.same();
                })
                .onMessage(RecorderCommand.Complete.class, complete -> {
                    entry.complete();
                    complete.replyTo().tell(new RecorderCommand.Ack(complete.completed().step()));
                    return Behaviors.same();
                })
                .onMessage(RecorderCommand.Fail.class, fail -> {
                    entry.fail(fail.failed().reason());
                    fail.replyTo().tell(new RecorderCommand.Ack(fail.failed().step()));
                    return Behaviors.same();
                })
                .onMessage(RecorderCommand.GetState.class, get -> {
                    get.replyTo().tell(entry.state());
                    return Behaviors.same();
                })
                .onMessage(RecorderCommand.SaveCheckpoint.class, save -> {
                    entry.saveCheckpoint(save.checkpoint());
                    save.replyTo().tell(new RecorderCommand.Ack(save.checkpoint().step()));
                    return Behaviors.same();
                })
                .onMessage(RecorderCommand.GetCheckpoint.class, get -> {
                    get.replyTo().tell(new RecorderCommand.CheckpointState(entry.checkpoint()));
                    return Behaviors.same();
                })
                .build();
    }
}
