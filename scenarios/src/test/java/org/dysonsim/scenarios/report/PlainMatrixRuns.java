package org.dysonsim.scenarios.report;

import java.util.ArrayList;
import java.util.List;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.gas.MatrixModel;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.physics.sgd.InitialWeights;
import org.dysonsim.physics.sgd.MatrixTraining;
import org.dysonsim.physics.sgd.MinibatchGradient;
import org.dysonsim.physics.sgd.MinibatchLoss;
import org.dysonsim.physics.sgd.WeightSpectrum;
import org.dysonsim.protocol.TrajectoryEvent.GradientRecorded;

/**
 * Matrix-level runs from the plain training loop (physics.sgd.MatrixTraining, which the
 * weight-matrix actors reproduce): at step 0, every {@code recordEvery} steps and at the last, the
 * spectrum of WᵀW and the gradient record of the state, as the engine records them.
 */
public final class PlainMatrixRuns {
    private PlainMatrixRuns() {}

    public static RunResult run(MatrixModel model, long steps, int recordEvery, long seed, int members) {
        RunSpec spec = new RunSpec("plain", "plain", "name = plain\nmodel = matrix\n", model,
                new InitialSpectrum.Explicit(new double[model.n()]), StepSizeRule.fixed(), model.sgd().alpha(), steps, recordEvery, seed,
                members, 64, RunSpec.Coordinates.EIGENVALUES);
        List<MemberTrajectory> out = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            MinibatchLoss loss = MinibatchLoss.create(model.loss(), model.rows(), model.n(), model.dataSize(), model.sgd().batch(), seed, m);
            MatrixTraining training = new MatrixTraining(loss, model.sgd(),
                    InitialWeights.gaussian(model.rows(), model.n(), model.initScale(), seed, m));
            List<Long> at = new ArrayList<>();
            List<double[]> values = new ArrayList<>();
            List<GradientRecorded> records = new ArrayList<>();
            for (long s = 0; s <= steps; s++) {
                boolean record = s % recordEvery == 0 || s == steps;
                if (record) {
                    WeightSpectrum.Decomposed d = WeightSpectrum.withTopPairs(training.weights(), model.topK());
                    MinibatchGradient g = training.advance(d.top());
                    at.add(s);
                    values.add(d.eigenvalues());
                    records.add(new GradientRecorded(s, s * model.sgd().alpha(), g.loss(), d.top().values().clone(), g.projections(),
                            g.projectionVariances(), g.noiseVariance()));
                } else {
                    training.advance(null);
                }
            }
            out.add(new MemberTrajectory(m, at.stream().mapToLong(Long::longValue).toArray(),
                    at.stream().mapToDouble(s -> s * model.sgd().alpha()).toArray(), values.toArray(new double[0][]), records));
        }
        return new RunResult(spec, out, null);
    }
}
