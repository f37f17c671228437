package org.dysonsim.physics.tails;

import java.util.function.ToDoubleFunction;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * An alternative law fitted by maximum likelihood to the tail above x_min, with the log-likelihood
 * of every tail point (what the likelihood-ratio tests need).
 *
 * @param parameters in the law's own order, documented where it is fitted
 */
public record FittedModel(Alternative law, double[] parameters, double[] pointLogLikelihoods) {
    private static final double WORST = -1e300;

    public double logLikelihood() {
        double s = 0;
        for (double v : pointLogLikelihoods) s += v;
        return s;
    }

    /**
     * The maximiser of a two-parameter log-likelihood by Nelder–Mead from each start, then once more
     * from the best point (a restart escapes a collapsed simplex). Non-finite values count as worst.
     */
    static double[] maximise(ToDoubleFunction<double[]> logLikelihood, double[][] starts) {
        SimplexOptimizer optimizer = new SimplexOptimizer(1e-11, 1e-11);
        ObjectiveFunction objective = new ObjectiveFunction(p -> {
            double v = logLikelihood.applyAsDouble(p);
            return Double.isFinite(v) ? v : WORST;
        });
        double[] best = starts[0];
        double bestValue = objective.getObjectiveFunction().value(best);
        for (int round = 0; round < starts.length + 1; round++) {
            double[] start = round < starts.length ? starts[round] : best;
            try {
                PointValuePair r = optimizer.optimize(new MaxEval(4000), objective, GoalType.MAXIMIZE,
                        new InitialGuess(start), new NelderMeadSimplex(new double[] {0.3, 0.3}));
                if (r.getValue() > bestValue) {
                    bestValue = r.getValue();
                    best = r.getPoint();
                }
            } catch (MathIllegalStateException e) {
                // too many evaluations from this start: the other starts decide
            }
        }
        return best;
    }
}
