package org.dysonsim.scenarios.run;

import java.util.ArrayList;
import java.util.List;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.actors.RunListener;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.gas.CirExact;
import org.dysonsim.physics.gas.CirModel;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.GasStepper;
import org.dysonsim.physics.gas.NonFiniteStateException;

/**
 * Runs the members one after the other with the single-threaded reference integrators
 * ({@link GasStepper}, {@link CirExact}), recording in memory: the same numbers the actor
 * engine produces, without actors.
 */
public final class PlainLoopEngine implements RunEngine {

    @Override
    public RunResult run(RunSpec spec, RunListener listener) {
        List<MemberTrajectory> members = new ArrayList<>();
        long total = spec.steps() * spec.members();
        for (int member = 0; member < spec.members(); member++) {
            Recording rec = new Recording(spec);
            double[] x = InitialPositions.of(spec, member);
            rec.add(0, x);
            GasStepper stepper = spec.model() instanceof GasModel gas ? new GasStepper(gas, spec.rule(), spec.seed(), member) : null;
            long step = 0;
            try {
                for (; step < spec.steps(); step++) {
                    if (stepper != null) {
                        stepper.advance(x, step, spec.dt());
                    } else {
                        CirExact.advance((CirModel) spec.model(), x, step, spec.dt(), spec.seed(), member, 0, x.length);
                    }
                    for (double value : x) {
                        if (!Double.isFinite(value)) throw new NonFiniteStateException("non-finite position " + value);
                    }
                    long done = step + 1;
                    if (done % spec.recordEvery() == 0 || done == spec.steps()) rec.add(done, x);
                    listener.progress((long) member * spec.steps() + done, total);
                }
            } catch (NonFiniteStateException e) {
                members.add(rec.trajectory(member));
                return new RunResult(spec, members, "member " + member + ", step " + step + ": " + e.getMessage());
            }
            members.add(rec.trajectory(member));
        }
        return new RunResult(spec, members, null);
    }

    @Override
    public void close() {}

    private static final class Recording {
        private final RunSpec spec;
        private final List<Long> steps = new ArrayList<>();
        private final List<double[]> values = new ArrayList<>();

        Recording(RunSpec spec) {
            this.spec = spec;
        }

        void add(long step, double[] x) {
            steps.add(step);
            values.add(x.clone());
        }

        MemberTrajectory trajectory(int member) {
            long[] s = new long[steps.size()];
            double[] t = new double[steps.size()];
            for (int k = 0; k < s.length; k++) {
                s[k] = steps.get(k);
                t[k] = s[k] * spec.dt();
            }
            return new MemberTrajectory(member, s, t, values.toArray(new double[0][]));
        }
    }
}
