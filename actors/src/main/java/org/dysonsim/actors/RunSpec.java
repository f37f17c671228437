package org.dysonsim.actors;

import org.dysonsim.physics.gas.ParticleModel;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.init.InitialSpectrum;

/**
 * A fully resolved run: what the scenario layer hands to the engine. Plain data only.
 *
 * @param runId        unique id, also the folder name under the data directory
 * @param scenarioName the scenario's {@code name}
 * @param scenarioText the resolved scenario (HOCON), persisted in {@code RunStarted}
 * @param model        the dynamics of every member
 * @param init         the initial spectrum, sampled per member from {@code (seed, member)}
 * @param rule         how nominal steps are subdivided
 * @param dt           length of a nominal step
 * @param steps        number of nominal steps
 * @param recordEvery  a snapshot every this many nominal steps (and at step 0 and the last step)
 * @param seed         the seed of the counter-based generator
 * @param members      ensemble size
 * @param blockSize    eigenvalues per block actor (a tuning knob: results do not depend on it)
 * @param coordinates  what the positions are: eigenvalues, or singular values (reports square them)
 */
public record RunSpec(String runId, String scenarioName, String scenarioText, ParticleModel model,
                      InitialSpectrum init, StepSizeRule rule, double dt, long steps, int recordEvery, long seed,
                      int members, int blockSize, Coordinates coordinates) {

    public enum Coordinates { EIGENVALUES, SINGULAR_VALUES }

    public int n() {
        return model.n();
    }

    /**
     * A member's starting positions in the coordinates simulated: the sampled spectrum λ, or
     * {@code s = √λ} for singular values (the initial spectrum always describes eigenvalues of WᵀW).
     */
    public double[] initialPositions(long member) {
        double[] x = init.sample(seed, member);
        if (coordinates == Coordinates.SINGULAR_VALUES) {
            for (int i = 0; i < x.length; i++) x[i] = Math.sqrt(x[i]);
        }
        return x;
    }
}
