package org.dysonsim.actors;

import java.util.Arrays;
import org.apache.pekko.actor.typed.ActorRef;
import org.dysonsim.physics.gas.CirModel;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.ParticleModel;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.gas.Wall;
import org.dysonsim.protocol.BlockDynamics;
import org.dysonsim.protocol.BlockSetup;
import org.dysonsim.protocol.DriftLaw;
import org.dysonsim.protocol.LossCommand;
import org.dysonsim.protocol.StepRule;

/**
 * Between the physics of particle-level models and the plain data their messages carry: the one
 * place a drift becomes a {@link DriftLaw} and back, and a block's setup is written and read.
 * Every number is copied as it is, so a drift or model that crossed the wire computes the same
 * bits as the original.
 */
final class ParticleMessages {
    private ParticleMessages() {}

    /** The drift as plain data (the loss actor publishes this). */
    static DriftLaw driftLaw(Drift drift) {
        if (drift instanceof Drift.Harmonic h) {
            if (h.centre().length != h.stiffness().length) {
                throw new IllegalArgumentException("a harmonic drift needs as many centres as stiffnesses");
            }
            return new DriftLaw(DriftLaw.Kind.HARMONIC, concat(h.centre(), h.stiffness()));
        } else if (drift instanceof Drift.RbmSmooth r) {
            return new DriftLaw(DriftLaw.Kind.RBM_SMOOTH, r.kappa().clone());
        } else if (drift instanceof Drift.MeanField m) {
            return new DriftLaw(DriftLaw.Kind.MEAN_FIELD, concat(new double[] {m.c()}, m.target()));
        } else if (drift instanceof Drift.Constant c) {
            return new DriftLaw(DriftLaw.Kind.CONSTANT, c.value().clone());
        } else if (drift instanceof Drift.Zero) {
            return new DriftLaw(DriftLaw.Kind.ZERO, new double[0]);
        }
        throw new IllegalArgumentException("no drift law for " + drift);
    }

    /**
     * The physics drift a law describes (a block evaluates this).
     *
     * @throws IllegalArgumentException if the parameters do not fit the law
     */
    static Drift drift(DriftLaw law) {
        double[] p = law.parameters();
        return switch (law.kind()) {
            case ZERO -> {
                expect(law, p.length == 0);
                yield new Drift.Zero();
            }
            case HARMONIC -> {
                expect(law, p.length % 2 == 0);
                int n = p.length / 2;
                yield new Drift.Harmonic(Arrays.copyOfRange(p, 0, n), Arrays.copyOfRange(p, n, 2 * n));
            }
            case RBM_SMOOTH -> new Drift.RbmSmooth(p.clone());
            case MEAN_FIELD -> {
                expect(law, p.length >= 1);
                yield new Drift.MeanField(p[0], Arrays.copyOfRange(p, 1, p.length));
            }
            case CONSTANT -> new Drift.Constant(p.clone());
        };
    }

    /**
     * What block {@code index} of {@code member} is spawned with: the run's dynamics without the
     * drift, which a gas block gets from {@code loss} alone.
     */
    static BlockSetup blockSetup(RunSpec spec, int member, BlockLayout layout, int index, ActorRef<LossCommand> loss,
                                 boolean exchange) {
        return new BlockSetup(dynamics(spec.model()), stepRule(spec.rule()), spec.dt(), spec.seed(), member, layout.n(),
                layout.blockSize(), index, loss, exchange, spec.recordEvery());
    }

    static StepRule stepRule(StepSizeRule r) {
        return new StepRule(r.adaptive(), r.theta(), r.thetaDrift(), r.maxLevel(), r.refinement());
    }

    static StepSizeRule rule(StepRule r) {
        return new StepSizeRule(r.adaptive(), r.theta(), r.thetaDrift(), r.maxLevel(), r.refinement());
    }

    /** The gas of {@code dynamics} driven by {@code drift}. */
    static GasModel gas(BlockDynamics.Gas dynamics, Drift drift) {
        return new GasModel(dynamics.noise(), dynamics.coulomb(), dynamics.mirror(), drift, wall(dynamics.lower()),
                wall(dynamics.upper()));
    }

    static CirModel squareRootDiffusions(BlockDynamics.SquareRootDiffusions d) {
        return new CirModel(d.n(), d.alpha0(), d.beta1(), d.etaD());
    }

    static BlockDynamics dynamics(ParticleModel model) {
        if (model instanceof GasModel g) {
            return new BlockDynamics.Gas(g.noise(), g.coulomb(), g.mirror(), boundary(g.lower()), boundary(g.upper()));
        } else if (model instanceof CirModel c) {
            return new BlockDynamics.SquareRootDiffusions(c.n(), c.alpha0(), c.beta1(), c.etaD());
        }
        throw new IllegalArgumentException("no eigenvalue blocks for " + model.getClass().getSimpleName());
    }

    private static BlockDynamics.Boundary boundary(Wall wall) {
        return new BlockDynamics.Boundary(BlockDynamics.BoundaryKind.valueOf(wall.kind().name()), wall.position(),
                wall.coefficient());
    }

    private static Wall wall(BlockDynamics.Boundary boundary) {
        return new Wall(Wall.Kind.valueOf(boundary.kind().name()), boundary.position(), boundary.coefficient());
    }

    private static double[] concat(double[] a, double[] b) {
        double[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static void expect(DriftLaw law, boolean fits) {
        if (!fits) {
            throw new IllegalArgumentException("a " + law.kind() + " drift law cannot have " + law.parameters().length
                    + " parameters");
        }
    }
}
