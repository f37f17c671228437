package org.dysonsim.actors;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.dysonsim.physics.gas.NetworkModel;
import org.dysonsim.protocol.MatrixCheckpoint;
import org.dysonsim.protocol.MemberCommand;

/**
 * A network member's generations: a loss actor and its layer actors, one per weight matrix, from
 * a checkpoint or else from the layers at step 0 (re-simulating deterministically; the
 * supervisor drops snapshots it has already recorded).
 */
final class NetworkGenerations implements Generations {
    private final ActorContext<MemberCommand> context;
    private final RunSpec spec;
    private final NetworkModel network;
    private final int member;
    private final GenerationActors actors;

    NetworkGenerations(ActorContext<MemberCommand> context, RunSpec spec, NetworkModel network, int member) {
        this.context = context;
        this.spec = spec;
        this.network = network;
        this.member = member;
        this.actors = new GenerationActors(context);
    }

    @Override
    public void spawn(int generation, long step, double[] start, MatrixCheckpoint checkpoint, long failAt) {
        if (checkpoint != null) {
            context.getLog().info("member {}: generation {} continues from the checkpoint of step {}", member, generation,
                    checkpoint.step());
        }
        NetworkLoss.Setup setup = new NetworkLoss.Setup(network, spec.seed(), member, spec.steps(), spec.recordEvery(),
                checkpoint, context.getSelf(), generation, failAt);
        actors.child(context.spawn(NetworkLoss.create(setup), "network-" + generation));
    }

    @Override
    public double[] initialPositions() {
        return null;
    }

    @Override
    public MatrixCheckpoint resumable(MatrixCheckpoint checkpoint, long lastStep) {
        if (checkpoint == null) return null;
        if (checkpoint.step() <= lastStep && NetworkCheckpoints.fits(network, checkpoint)) return checkpoint;
        context.getLog().warn("member {}: ignoring a checkpoint of step {} that does not fit the network (last"
                + " snapshot at step {}); re-simulating from step 0", member, checkpoint.step(), lastStep);
        return null;
    }

    @Override
    public void stop() {
        actors.stopAll();
    }

    @Override
    public String lost(ActorRef<?> ref, String cause) {
        return actors.lostChild(ref, cause);
    }
}
