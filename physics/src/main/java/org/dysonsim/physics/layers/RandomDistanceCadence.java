package org.dysonsim.physics.layers;

import org.dysonsim.physics.gas.NetworkModel;

/**
 * At which records a network run measures its layers' {@link RandomDistance}: every
 * {@code every}-th record (step s with (s / recordEvery) mod every = 0) and the last, with
 * {@code every} the smallest that keeps the measurement within {@link #BUDGET} of the training
 * steps between two records (docs/physics.md §8). The cost is counted in floating-point
 * operations, not timed, so the records measured depend only on the scenario: the same in any run,
 * on any machine, after a resume.
 */
public record RandomDistanceCadence(long recordEvery, long steps, int every) {
    /** The largest share of the training steps' work the measurement may add. */
    public static final double BUDGET = 0.2;
    /**
     * What one operation of a symmetric eigen-decomposition costs against one of a matrix product
     * (EJML, eigenvalues of 300×300 against the 32×784×300 product of a training step: 1 to 3,
     * measured on a loaded 2-core machine); 4 errs towards measuring less often.
     */
    static final double EIGEN_OPERATION_COST = 4.0;

    public RandomDistanceCadence {
        if (recordEvery < 1 || every < 1) throw new IllegalArgumentException("record interval and cadence must be positive");
    }

    public static RandomDistanceCadence of(NetworkModel model, long recordEvery, long steps) {
        double ratio = operations(model) / (recordEvery * stepOperations(model));
        int every = (int) Math.max(1, Math.ceil(ratio / BUDGET));
        return new RandomDistanceCadence(recordEvery, steps, every);
    }

    /** Whether the record of step {@code step} (a recorded step) measures the distance. */
    public boolean measures(long step) {
        return step >= steps || (step / recordEvery) % every == 0;
    }

    /**
     * One measurement of every layer: the permuted W's Gram matrix of min(r, c) = m rows, one
     * triangle of it (m²·max(r, c)), and its eigenvalues (tridiagonalisation, 4/3·m³).
     */
    static double operations(NetworkModel model) {
        double sum = 0;
        for (int l = 0; l < model.layers(); l++) {
            double m = Math.min(model.rows(l), model.cols(l)), big = Math.max(model.rows(l), model.cols(l));
            sum += m * m * big + EIGEN_OPERATION_COST * 4.0 / 3.0 * m * m * m;
        }
        return sum;
    }

    /** One training step: per layer, the forward product and the two of the backward pass (2·|B|·r·c each). */
    static double stepOperations(NetworkModel model) {
        double sum = 0;
        for (int l = 0; l < model.layers(); l++) sum += 6.0 * model.sgd().batch() * model.rows(l) * model.cols(l);
        return sum;
    }
}
