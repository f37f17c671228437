package org.dysonsim.scenarios.report;

import org.dysonsim.scenarios.report.analyses.EnsembleSummary;
import org.dysonsim.scenarios.report.analyses.RunChecks;
import org.dysonsim.scenarios.report.predictions.Prediction;

import java.util.ArrayList;
import java.util.List;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.gas.CirExact;
import org.dysonsim.physics.gas.CirModel;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.GasStepper;
import org.dysonsim.physics.gas.ParticleModel;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.init.InitialSpectrum;

/**
 * Ensembles for report tests, simulated with the single-threaded reference integrators
 * (GasStepper, CirExact) that the actor engine reproduces bit for bit: no actor system needed.
 */
public final class Ensembles {
    private Ensembles() {}

    public static RunSpec spec(ParticleModel model, InitialSpectrum init, StepSizeRule rule, double dt, long steps, int recordEvery,
                        long seed, int members) {
        return new RunSpec("test", "test", "", model, init, rule, dt, steps, recordEvery, seed, members, 64,
                RunSpec.Coordinates.EIGENVALUES);
    }

    /** Records at step 0, every recordEvery steps and at the last step, as the engine does. */
    public static RunResult run(RunSpec spec) {
        List<MemberTrajectory> out = new ArrayList<>();
        for (int m = 0; m < spec.members(); m++) {
            double[] x = spec.initialPositions(m);
            GasStepper stepper = spec.model() instanceof GasModel gas ? new GasStepper(gas, spec.rule(), spec.seed(), m) : null;
            List<Long> steps = new ArrayList<>(List.of(0L));
            List<double[]> values = new ArrayList<>(List.of(x.clone()));
            for (long s = 0; s < spec.steps(); s++) {
                if (stepper != null) stepper.advance(x, s, spec.dt());
                else CirExact.advance((CirModel) spec.model(), x, s, spec.dt(), spec.seed(), m, 0, x.length);
                if ((s + 1) % spec.recordEvery() == 0 || s + 1 == spec.steps()) {
                    steps.add(s + 1);
                    values.add(x.clone());
                }
            }
            out.add(new MemberTrajectory(m, steps.stream().mapToLong(Long::longValue).toArray(),
                    steps.stream().mapToDouble(s -> s * spec.dt()).toArray(), values.toArray(new double[0][])));
        }
        return new RunResult(spec, out, null);
    }

    /** The comparisons of one prediction at every record it applies to. */
    public static List<Comparison> compare(Prediction p, RunResult run) {
        List<Comparison> out = new ArrayList<>();
        MemberTrajectory first = run.members().get(0);
        for (int k = 0; k < first.times().length; k++) {
            if (p.appliesAt(first.times()[k])) out.add(p.compare(run.spec(), slice(run, k), first.times()[k]));
        }
        return out;
    }

    /** Record k of every member that has it. */
    public static RecordSlice slice(RunResult run, int k) {
        return RecordSlices.read(MemberSource.of(run.members()), new java.util.TreeSet<>(List.of(k))).get(k);
    }

    /** The one-pass summary a report takes of an in-memory run. */
    public static EnsembleSummary summary(RunResult run) {
        return EnsembleSummary.of(RecordedRun.of(run));
    }

    /** The run checks of a report on an in-memory run. */
    public static List<Comparison> checks(RunResult run) {
        EnsembleSummary s = summary(run);
        return RunChecks.compare(s, slice(run, s.stats().times().length - 1));
    }
}
