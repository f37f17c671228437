package org.dysonsim.persistence;

import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.state.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.state.javadsl.DurableStateBehavior;
import org.apache.pekko.persistence.typed.state.javadsl.Effect;
import org.dysonsim.protocol.MatrixCheckpoint;
import org.dysonsim.protocol.RecorderCommand;

/**
 * A member's latest {@link MatrixCheckpoint}, kept as Pekko durable state (one row per member,
 * replaced at every save) under {@code <recorder's persistence id>|checkpoint}: never an event of
 * the trajectory, so readers, exports and replays do not see it. A child of the recorder, which
 * forwards {@link RecorderCommand.SaveCheckpoint} and {@link RecorderCommand.GetCheckpoint} to it.
 */
final class CheckpointStore extends DurableStateBehavior<RecorderCommand, MatrixCheckpoint> {

    private static final String SUFFIX = "|checkpoint";
    /** The state before any save. */
    static final MatrixCheckpoint NONE = new MatrixCheckpoint(-1, 0, 0, new double[0], new double[0], new double[0]);

    private CheckpointStore(PersistenceId id, RecorderSettings settings) {
        super(id, settings.writeRetries());
    }

    static Behavior<RecorderCommand> create(String recorderPersistenceId, RecorderSettings settings) {
        return new CheckpointStore(PersistenceId.ofUniqueId(persistenceId(recorderPersistenceId)), settings);
    }

    /** The durable-state id of the checkpoints of the recorder {@code recorderPersistenceId}. */
    static String persistenceId(String recorderPersistenceId) {
        return recorderPersistenceId + SUFFIX;
    }

    @Override
    public MatrixCheckpoint emptyState() {
        return NONE;
    }

    @Override
    public CommandHandler<RecorderCommand, MatrixCheckpoint> commandHandler() {
        return newCommandHandlerBuilder().forAnyState()
                .onCommand(RecorderCommand.SaveCheckpoint.class, (state, save) -> Effect()
                        .persist(save.checkpoint())
                        .thenRun(saved -> save.replyTo().tell(new RecorderCommand.Ack(saved.step()))))
                .onCommand(RecorderCommand.GetCheckpoint.class, (state, get) -> Effect()
                        .none()
                        .thenRun(current -> get.replyTo().tell(new RecorderCommand.CheckpointState(
                                current.step() < 0 ? null : current))))
                .build();
    }
}
