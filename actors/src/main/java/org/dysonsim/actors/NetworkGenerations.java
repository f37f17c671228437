package org.dysonsim.actors;

import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.dysonsim.physics.gas.NetworkModel;
import org.dysonsim.protocol.MatrixCheckpoint;
import org.dysonsim.protocol.MemberCommand;

/** A network member's generations: a loss actor and its layer actors, one per weight matrix. */
final class NetworkGenerations extends CheckpointedGenerations {
    private final NetworkModel network;

    NetworkGenerations(ActorContext<MemberCommand> context, RunSpec spec, NetworkModel network, int member) {
        super(context, spec, member);
        this.network = network;
    }

    @Override
    void spawnFrom(int generation, MatrixCheckpoint checkpoint, long failAt) {
        NetworkLoss.Setup setup = new NetworkLoss.Setup(network, spec.seed(), member, spec.steps(), spec.recordEvery(),
                checkpoint, context.getSelf(), generation, failAt);
        actors.child(context.spawn(NetworkLoss.create(setup), "network-" + generation));
    }

    @Override
    boolean fits(MatrixCheckpoint checkpoint) {
        return NetworkCheckpoints.fits(network, checkpoint);
    }

    @Override
    String shape() {
        return "the network";
    }
}
