package org.dysonsim.actors;

import java.util.List;
import org.dysonsim.physics.gas.ParticleModel;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.protocol.LayerLayout;

/**
 * A fully resolved run: what the scenario layer hands to the engine and to the reports. Plain
 * data only, and complete: nothing downstream reads the scenario text again, so a key is read in
 * one place (the scenario reader) and a renamed key fails there.
 *
 * @param runId        unique id, also the folder name under the data directory
 * @param scenarioName the scenario's {@code name}
 * @param scenarioText the resolved scenario (HOCON), persisted in {@code RunStarted}; for the record only
 * @param model        the dynamics of every member
 * @param init         the initial spectrum, sampled per member from {@code (seed, member)}
 * @param rule         how nominal steps are subdivided
 * @param dt           length of a nominal step
 * @param steps        number of nominal steps
 * @param recordEvery  a snapshot every this many nominal steps (and at step 0 and the last step)
 * @param seed         the seed of the counter-based generator
 * @param members      ensemble size
 * @param placement    how a member's eigenvalues are cut into block actors and spread over nodes
 * @param coordinates  what the positions are: eigenvalues, or singular values (reports square them)
 * @param mapping      the scenario's own parameters of a model mapped onto a gas (sgd, wishart)
 * @param checks       what the report checks beyond its defaults
 * @param layers       the weight matrices of a layered run (a network, an imported run) in snapshot order; null for other runs
 */
public record RunSpec(String runId, String scenarioName, String scenarioText, ParticleModel model,
                      InitialSpectrum init, StepSizeRule rule, double dt, long steps, int recordEvery, long seed,
                      int members, Placement placement, Coordinates coordinates, Mapping mapping, Checks checks,
                      LayerLayout layers) {

    /** A run of one weight matrix or of particles: no layers. */
    public RunSpec(String runId, String scenarioName, String scenarioText, ParticleModel model,
                   InitialSpectrum init, StepSizeRule rule, double dt, long steps, int recordEvery, long seed,
                   int members, Placement placement, Coordinates coordinates, Mapping mapping, Checks checks) {
        this(runId, scenarioName, scenarioText, model, init, rule, dt, steps, recordEvery, seed, members, placement,
                coordinates, mapping, checks, null);
    }

    public enum Coordinates { EIGENVALUES, SINGULAR_VALUES }

    /**
     * @param blockSize eigenvalues per block actor ({@code blocks.size})
     * @param nodes     cluster nodes a member's blocks are spread over ({@code blocks.nodes}); results
     *                  do not depend on either
     */
    public record Placement(int blockSize, int nodes) {}

    /**
     * What the scenario's {@code model} said in its own parameters, where the gas it was mapped
     * onto no longer shows them (its strengths mix them, and differ by convention).
     */
    public sealed interface Mapping permits Mapping.Direct, Mapping.Sgd, Mapping.Wishart {
        /** coulomb, cir, matrix (its SGD settings live in its model), or a spec built without a scenario. */
        record Direct() implements Mapping {}

        /** {@code model = sgd}: a Coulomb gas stepped at dt = α with g² = (α/|B|) g̃². */
        record Sgd(double alpha, int batch) implements Mapping {}

        /** {@code model = wishart}: singular values of an m×n matrix whose entries diffuse at s² = 2ηD. */
        record Wishart(int m, double eta, double d) implements Mapping {
            public double etaD() {
                return eta * d;
            }
        }
    }

    /**
     * @param predictions         names of the predictions to compare with ({@code report.predictions});
     *                            none: every one that applies
     * @param errorControlMembers members rerun at h/2 for step-size error control ({@code error-control.members}); 0: off
     */
    public record Checks(String[] predictions, int errorControlMembers) {
        public static final Checks DEFAULTS = new Checks(new String[0], 0);

        public List<String> predictionNames() {
            return List.of(predictions);
        }
    }

    /**
     * A run with the settings only a scenario gives left at their defaults: every block on this
     * node, the model as simulated, the report's default predictions, no error control (how tests
     * and benchmarks build runs without a scenario).
     */
    public RunSpec(String runId, String scenarioName, String scenarioText, ParticleModel model,
                   InitialSpectrum init, StepSizeRule rule, double dt, long steps, int recordEvery, long seed,
                   int members, int blockSize, Coordinates coordinates) {
        this(runId, scenarioName, scenarioText, model, init, rule, dt, steps, recordEvery, seed, members,
                new Placement(blockSize, 1), coordinates, new Mapping.Direct(), Checks.DEFAULTS);
    }

    public int n() {
        return model.n();
    }

    public int blockSize() {
        return placement.blockSize();
    }

    /** This run with another step rule and ensemble size (error control's h/2 companion). */
    public RunSpec withRuleAndMembers(StepSizeRule otherRule, int otherMembers) {
        return new RunSpec(runId, scenarioName, scenarioText, model, init, otherRule, dt, steps, recordEvery, seed,
                otherMembers, placement, coordinates, mapping, checks, layers);
    }

    /** This run with its blocks cut and placed otherwise (results do not depend on it). */
    public RunSpec withPlacement(Placement otherPlacement) {
        return new RunSpec(runId, scenarioName, scenarioText, model, init, rule, dt, steps, recordEvery, seed,
                members, otherPlacement, coordinates, mapping, checks, layers);
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
