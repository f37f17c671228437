package org.dysonsim.physics.fit;

/**
 * Weighted least-squares straight line {@code y = a + bx} with known standard errors σ_i
 * (weights 1/σ_i²): slope and intercept with their standard errors and the χ² of the fit
 * (Numerical Recipes §15.2). Used for σ² against α/|B| across a sweep (the linear scaling rule
 * predicts a line through the origin, docs/physics.md §1, hence {@link #throughOrigin}).
 */
public record WeightedLine(double intercept, double slope, double interceptSe, double slopeSe, double chiSquared, int degreesOfFreedom) {

    public static WeightedLine fit(double[] x, double[] y, double[] sigma) {
        check(x, y, sigma, 3);
        double s = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < x.length; i++) {
            double w = 1.0 / (sigma[i] * sigma[i]);
            s += w;
            sx += w * x[i];
            sy += w * y[i];
            sxx += w * x[i] * x[i];
            sxy += w * x[i] * y[i];
        }
        double delta = s * sxx - sx * sx;
        double b = (s * sxy - sx * sy) / delta, a = (sxx * sy - sx * sxy) / delta;
        return new WeightedLine(a, b, Math.sqrt(sxx / delta), Math.sqrt(s / delta), chiSquared(x, y, sigma, a, b), x.length - 2);
    }

    /** {@code y = bx}: {@code b = Σwxy/Σwx²}, SE {@code 1/√Σwx²}. */
    public static WeightedLine throughOrigin(double[] x, double[] y, double[] sigma) {
        check(x, y, sigma, 2);
        double sxx = 0, sxy = 0;
        for (int i = 0; i < x.length; i++) {
            double w = 1.0 / (sigma[i] * sigma[i]);
            sxx += w * x[i] * x[i];
            sxy += w * x[i] * y[i];
        }
        double b = sxy / sxx;
        return new WeightedLine(0.0, b, 0.0, Math.sqrt(1.0 / sxx), chiSquared(x, y, sigma, 0.0, b), x.length - 1);
    }

    private static double chiSquared(double[] x, double[] y, double[] sigma, double a, double b) {
        double c = 0;
        for (int i = 0; i < x.length; i++) {
            double r = (y[i] - a - b * x[i]) / sigma[i];
            c += r * r;
        }
        return c;
    }

    private static void check(double[] x, double[] y, double[] sigma, int min) {
        if (x.length != y.length || x.length != sigma.length) throw new IllegalArgumentException("x, y and sigma must have equal lengths");
        if (x.length < min) throw new IllegalArgumentException("need at least " + min + " points, got " + x.length);
        for (double s : sigma) if (!(s > 0.0)) throw new IllegalArgumentException("standard errors must be positive");
    }
}
