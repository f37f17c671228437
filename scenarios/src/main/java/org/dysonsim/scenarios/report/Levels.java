package org.dysonsim.scenarios.report;

import java.util.List;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;

/** Recorded positions as levels of the spectrum: eigenvalues as they are, singular values squared (λ = s²). */
public final class Levels {
    private Levels() {}

    /** The last snapshot of every member, in spectral coordinates. */
    public static double[][] finalLevels(RunResult result) {
        double[][] out = new double[result.members().size()][];
        for (int m = 0; m < out.length; m++) {
            double[][] values = result.members().get(m).values();
            out[m] = levels(result.spec(), values[values.length - 1]);
        }
        return out;
    }

    /** All levels of every member at record index k, pooled (members without record k are skipped). */
    public static double[] pooledAt(RunResult result, int k) {
        int n = result.spec().n();
        List<MemberTrajectory> with = result.members().stream().filter(m -> m.values().length > k).toList();
        double[] out = new double[with.size() * n];
        for (int m = 0; m < with.size(); m++) {
            double[] x = levels(result.spec(), with.get(m).values()[k]);
            System.arraycopy(x, 0, out, m * n, n);
        }
        return out;
    }

    public static double[] levels(RunSpec spec, double[] positions) {
        double[] out = new double[positions.length];
        for (int i = 0; i < out.length; i++) out[i] = level(spec, positions[i]);
        return out;
    }

    /** A position as a level of the spectrum: eigenvalues as they are, singular values squared. */
    public static double level(RunSpec spec, double position) {
        return spec.coordinates() == RunSpec.Coordinates.SINGULAR_VALUES ? position * position : position;
    }
}
