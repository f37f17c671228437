package org.dysonsim.scenarios.report.predictions;

import org.dysonsim.scenarios.report.Levels;
import org.dysonsim.scenarios.report.Comparison;
import org.dysonsim.scenarios.report.SpectralComparison;

import org.dysonsim.actors.RunSpec;
import org.dysonsim.scenarios.report.RecordSlice;
import org.dysonsim.physics.fokkerplanck.CellDensity;
import org.dysonsim.physics.fokkerplanck.CellGrid;
import org.dysonsim.physics.fokkerplanck.ChangCooperOperator;
import org.dysonsim.physics.fokkerplanck.GeneratorSpectrum;
import org.dysonsim.physics.laws.Potential;

/**
 * One mode: the numerical Fokker–Planck solution {@code ∂_t P = ∂_x(g²∂_x P + V'P)} (Chang–Cooper,
 * zero flux at both grid ends, evolved exactly through the generator's eigen-decomposition,
 * docs/physics.md §4) from the members' recorded starts — the average of their point masses, since the
 * equation is linear — at every recorded time. Members are independent, so n_eff = members; the
 * only error of the prediction is the grid's (second order, far below KS resolution at
 * {@link #CELLS} cells), so there is no finite-N allowance.
 */
public final class FokkerPlanckPrediction implements Prediction {
    static final int CELLS = 400;

    private final String description;
    private final GeneratorSpectrum spectrum;
    private final CellDensity start;
    private double cachedT = Double.NaN;
    private CellDensity cached;

    /** @param grid the domain: walls where the model has them, else wide enough that no mass reaches the ends */
    public FokkerPlanckPrediction(String description, Potential potential, double g2, CellGrid grid, RunStart run) {
        this.description = description;
        this.spectrum = new GeneratorSpectrum(new ChangCooperOperator(potential, g2, grid));
        double[] p0 = new double[grid.cells()];
        int members = 0;
        for (double[] position : run.start().positions()) {
            double[] x = CellDensity.pointMass(grid, Levels.level(run.spec(), position[0])).values();
            for (int i = 0; i < p0.length; i++) p0[i] += x[i];
            members++;
        }
        for (int i = 0; i < p0.length; i++) p0[i] /= members;
        this.start = new CellDensity(grid, p0);
    }

    @Override
    public String name() {
        return "Fokker–Planck solution (" + description + ")";
    }

    @Override
    public boolean appliesAt(double t) {
        return t > 0.0;
    }

    private synchronized CellDensity at(double t) {
        if (t != cachedT) {
            cached = spectrum.evolve(start, t);
            cachedT = t;
        }
        return cached;
    }

    @Override
    public double density(double x, double t) {
        return at(t).density(x);
    }

    @Override
    public double cdf(double x, double t) {
        return at(t).cdf(x);
    }

    @Override
    public Comparison compare(RunSpec spec, RecordSlice now, double t) {
        double[] levels = now.pooledLevels(spec);
        return SpectralComparison.ks(name(), t, levels, frozenAt(t), 0.0,
                "n_eff = " + levels.length + " independent members (one mode each)");
    }
}
