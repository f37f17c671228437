package org.dysonsim.scenarios.report;

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
