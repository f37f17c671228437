package org.dysonsim.actors;

import org.dysonsim.physics.gas.CirModel;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.MatrixModel;
import org.dysonsim.physics.gas.NetworkModel;
import org.dysonsim.physics.gas.ParticleModel;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.physics.sgd.LossSpec;
import org.dysonsim.physics.sgd.SgdSettings;
import org.dysonsim.protocol.BlockDynamics;
import org.dysonsim.protocol.InitialLaw;
import org.dysonsim.protocol.ResolvedRun;
import org.dysonsim.protocol.RunModel;

/**
 * Between a {@link RunSpec} and the plain data a member on another node is sent
 * ({@link ResolvedRun}): the one place a run is written to the wire and read back. Every number
 * is copied as it is, so the run read back computes the same bits as the original.
 */
public final class RunSpecWire {
    private RunSpecWire() {}

    public static ResolvedRun toWire(RunSpec spec) {
        return new ResolvedRun(spec.runId(), spec.scenarioName(), spec.scenarioText(), model(spec.model()),
                init(spec.init()), ParticleMessages.stepRule(spec.rule()),
                spec.dt(), spec.steps(), spec.recordEvery(), spec.seed(), spec.members(), spec.placement().blockSize(),
                spec.placement().nodes(), ResolvedRun.Coordinates.valueOf(spec.coordinates().name()),
                mapping(spec.mapping()), spec.checks().predictions().clone(), spec.checks().errorControlMembers(),
                spec.layers());
    }

    public static RunSpec fromWire(ResolvedRun run) {
        return new RunSpec(run.runId(), run.scenarioName(), run.scenarioText(), model(run.model()), init(run.init()),
                ParticleMessages.rule(run.rule()), run.dt(), run.steps(), run.recordEvery(), run.seed(), run.members(),
                new RunSpec.Placement(run.blockSize(), run.blockNodes()),
                RunSpec.Coordinates.valueOf(run.coordinates().name()), mapping(run.mapping()),
                new RunSpec.Checks(run.predictions().clone(), run.errorControlMembers()), run.layers());
    }

    private static RunModel model(ParticleModel model) {
        if (model instanceof GasModel gas) {
            return new RunModel.Gas((BlockDynamics.Gas) ParticleMessages.dynamics(gas),
                    ParticleMessages.driftLaw(gas.drift()));
        } else if (model instanceof CirModel cir) {
            return new RunModel.SquareRootDiffusions((BlockDynamics.SquareRootDiffusions) ParticleMessages.dynamics(cir));
        } else if (model instanceof NetworkModel net) {
            return new RunModel.Network(net.widths(), net.initGain(), net.sgd().alpha(), net.sgd().batch(),
                    net.sgd().momentum(), net.trainSize(), net.testSize(), net.topK(), net.checkpointEvery(), net.dataPath());
        }
        MatrixModel m = (MatrixModel) model;
        return new RunModel.Matrix(m.rows(), m.n(), loss(m.loss()), m.sgd().alpha(), m.sgd().batch(), m.sgd().momentum(),
                m.dataSize(), m.initScale(), m.topK(), m.checkpointEvery());
    }

    private static ParticleModel model(RunModel model) {
        if (model instanceof RunModel.Gas gas) {
            return ParticleMessages.gas(gas.dynamics(), ParticleMessages.drift(gas.drift()));
        } else if (model instanceof RunModel.SquareRootDiffusions cir) {
            return ParticleMessages.squareRootDiffusions(cir.dynamics());
        } else if (model instanceof RunModel.Network net) {
            return new NetworkModel(net.widths(), net.initGain(), new SgdSettings(net.alpha(), net.batch(), net.momentum()),
                    net.trainSize(), net.testSize(), net.topK(), net.checkpointEvery(), net.dataPath());
        }
        RunModel.Matrix m = (RunModel.Matrix) model;
        return new MatrixModel(m.rows(), m.n(), loss(m.loss()), new SgdSettings(m.alpha(), m.batch(), m.momentum()),
                m.dataSize(), m.initScale(), m.topK(), m.checkpointEvery());
    }

    private static RunModel.MatrixLoss loss(LossSpec loss) {
        if (loss instanceof LossSpec.RbmPcd r) return new RunModel.RbmPcd(r.mass2(), r.mu2(), r.sigmaH2(), r.gibbsSweeps());
        if (loss instanceof LossSpec.TeacherStudent t) return new RunModel.TeacherStudent(t.teacherScale(), t.noise(), t.ridge());
        return new RunModel.ZeroGradient(((LossSpec.ZeroGradient) loss).sampleVariance());
    }

    private static LossSpec loss(RunModel.MatrixLoss loss) {
        if (loss instanceof RunModel.RbmPcd r) return new LossSpec.RbmPcd(r.mass2(), r.mu2(), r.sigmaH2(), r.gibbsSweeps());
        if (loss instanceof RunModel.TeacherStudent t) return new LossSpec.TeacherStudent(t.teacherScale(), t.noise(), t.ridge());
        return new LossSpec.ZeroGradient(((RunModel.ZeroGradient) loss).sampleVariance());
    }

    /** A network run has no initial spectrum of its own (its layers start from their seeds): null both ways. */
    private static InitialLaw init(InitialSpectrum init) {
        if (init == null) return null;
        if (init instanceof InitialSpectrum.Explicit e) return new InitialLaw.Explicit(e.values().clone());
        if (init instanceof InitialSpectrum.MarchenkoPastur mp) {
            return new InitialLaw.MarchenkoPastur(mp.rows(), mp.cols(), mp.sigma2());
        }
        if (init instanceof InitialSpectrum.Goe goe) return new InitialLaw.Goe(goe.n(), goe.sigma2());
        InitialSpectrum.DegeneratePairs d = (InitialSpectrum.DegeneratePairs) init;
        return new InitialLaw.DegeneratePairs(d.centres().clone(), d.split());
    }

    private static InitialSpectrum init(InitialLaw init) {
        if (init == null) return null;
        if (init instanceof InitialLaw.Explicit e) return new InitialSpectrum.Explicit(e.values().clone());
        if (init instanceof InitialLaw.MarchenkoPastur mp) {
            return new InitialSpectrum.MarchenkoPastur(mp.rows(), mp.cols(), mp.sigma2());
        }
        if (init instanceof InitialLaw.Goe goe) return new InitialSpectrum.Goe(goe.n(), goe.sigma2());
        InitialLaw.DegeneratePairs d = (InitialLaw.DegeneratePairs) init;
        return new InitialSpectrum.DegeneratePairs(d.centres().clone(), d.split());
    }

    private static ResolvedRun.Mapping mapping(RunSpec.Mapping mapping) {
        if (mapping instanceof RunSpec.Mapping.Sgd s) return new ResolvedRun.Sgd(s.alpha(), s.batch());
        if (mapping instanceof RunSpec.Mapping.Wishart w) return new ResolvedRun.Wishart(w.m(), w.eta(), w.d());
        return new ResolvedRun.Direct();
    }

    private static RunSpec.Mapping mapping(ResolvedRun.Mapping mapping) {
        if (mapping instanceof ResolvedRun.Sgd s) return new RunSpec.Mapping.Sgd(s.alpha(), s.batch());
        if (mapping instanceof ResolvedRun.Wishart w) return new RunSpec.Mapping.Wishart(w.m(), w.eta(), w.d());
        return new RunSpec.Mapping.Direct();
    }
}
