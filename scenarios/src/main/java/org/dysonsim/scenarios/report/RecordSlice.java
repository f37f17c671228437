package org.dysonsim.scenarios.report;

import org.dysonsim.actors.RunSpec;

/**
 * One record of every member that has it, in member order: {@code positions[j]} are the positions
 * of member {@code member[j]}, the {@code index[j]}-th member with a snapshot, after its record
 * {@code record} (or, for the final slice, after its last record).
 */
public record RecordSlice(int record, int[] index, int[] member, double[][] positions) {
    public int size() {
        return positions.length;
    }

    /** Every level of every member, pooled in member order (the sample the density predictions are compared with). */
    public double[] pooledLevels(RunSpec spec) {
        int n = spec.n();
        double[] out = new double[positions.length * n];
        for (int m = 0; m < positions.length; m++) System.arraycopy(Levels.levels(spec, positions[m]), 0, out, m * n, n);
        return out;
    }

    /** The levels of the j-th member of the slice. */
    public double[] levels(RunSpec spec, int j) {
        return Levels.levels(spec, positions[j]);
    }
}
