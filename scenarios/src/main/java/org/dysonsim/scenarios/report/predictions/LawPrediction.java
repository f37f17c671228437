package org.dysonsim.scenarios.report.predictions;

import org.dysonsim.physics.laws.SpectralLaw;

/**
 * A law from {@code org.dysonsim.physics.laws} that holds over a window of times
 * ({@code from = to = 0} for the initial spectrum, {@code to = ∞} for a stationary law).
 *
 * @param finiteSizeCoefficient the KS allowance times N for a large-N law, 0 for an exact one
 */
public record LawPrediction(String name, SpectralLaw law, double from, double to, double finiteSizeCoefficient)
        implements Prediction {

    public boolean appliesAt(double t) {
        return t >= from && t <= to;
    }

    public double density(double x, double t) {
        return law.density(x);
    }

    public double cdf(double x, double t) {
        return law.cdf(x);
    }

    @Override
    public double finiteSizeAllowance(int n) {
        return finiteSizeCoefficient / n;
    }
}
