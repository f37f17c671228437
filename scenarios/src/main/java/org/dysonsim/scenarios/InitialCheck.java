package org.dysonsim.scenarios;

import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.gas.CirModel;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.ParticleModel;
import org.dysonsim.physics.gas.Wall;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.scenarios.config.ScenarioValues;

/**
 * Checks that every member's initial spectrum lies in the domain of the dynamics (distinct
 * values, inside the walls, non-negative where a square root is taken) before anything runs.
 * Sampling is cheap; only a random initial spectrum is sampled for every member.
 */
final class InitialCheck {
    private InitialCheck() {}

    static void check(ScenarioValues v, ParticleModel model, InitialSpectrum init, long seed, int members,
                      RunSpec.Coordinates coordinates) {
        String initKey = init instanceof InitialSpectrum.Explicit ? "init.values"
                : init instanceof InitialSpectrum.DegeneratePairs ? "init.centres"
                : init instanceof InitialSpectrum.Goe ? "init.sigma2" : "init.rows";
        boolean random = init instanceof InitialSpectrum.MarchenkoPastur || init instanceof InitialSpectrum.Goe;
        boolean bounded = model instanceof GasModel gas && gas.upper().present();
        boolean unconstrained = model instanceof GasModel gas && !gas.upper().present() && !gas.lower().present()
                && coordinates == RunSpec.Coordinates.EIGENVALUES;
        // a GOE spectrum is distinct with probability 1 and the line has no walls: nothing to check, and
        // drawing it costs O(n²) (seconds at n = 16 384)
        if (init instanceof InitialSpectrum.Goe && unconstrained) return;
        int sampled = random && bounded ? members : 1;
        for (int member = 0; member < sampled; member++) {
            double[] x = init.sample(seed, member);
            for (int i = 1; i < x.length && !(model instanceof CirModel); i++) {
                if (!(x[i] > x[i - 1])) {
                    throw v.error(initKey, "initial values must be distinct, " + x[i] + " appears twice"
                            + (init instanceof InitialSpectrum.DegeneratePairs ? " (centres closer than init.split?)" : ""));
                }
            }
            double min = x[0];
            double max = x[x.length - 1];
            String suffix = sampled > 1 ? " (member " + member + ")" : "";
            if (model instanceof CirModel && min < 0) {
                throw v.error(initKey, "cir needs non-negative initial values, got " + min);
            }
            if (coordinates == RunSpec.Coordinates.SINGULAR_VALUES && !(min > 0)) {
                throw v.error(initKey, "wishart needs positive initial eigenvalues (s = √λ), got " + min);
            }
            if (model instanceof GasModel gas) {
                Wall upper = gas.upper();
                if (upper.present() && !(upper.position() > max)) {
                    throw v.error("drift.mu2", "μ² = " + upper.position()
                            + " must be above the largest initial eigenvalue " + max + suffix);
                }
                if (gas.lower().present() && coordinates == RunSpec.Coordinates.EIGENVALUES && !(min > gas.lower().position())) {
                    throw v.error(initKey, "initial values must be above the wall at " + gas.lower().position()
                            + " (drift.lower), got " + min + suffix);
                }
            }
        }
    }
}
