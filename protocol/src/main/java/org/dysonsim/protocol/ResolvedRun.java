package org.dysonsim.protocol;

/**
 * A fully resolved run as plain data: what a member placed on another node is sent. Field for
 * field the engine's {@code RunSpec} (whose documentation gives their meaning), its physics in
 * the plain forms of this package; one converter in the engine writes and reads it, so a run
 * that crossed the wire computes the same bits as the original.
 *
 * @param blockNodes  nodes a member's blocks are spread over ({@code blocks.nodes})
 * @param predictions the predictions the report compares with; none: every one that applies
 * @param layers      the weight matrices of a layered run, null for a run of one matrix or particle system
 */
public record ResolvedRun(String runId, String scenarioName, String scenarioText, RunModel model, InitialLaw init,
                          StepRule rule, double dt, long steps, int recordEvery, long seed, int members, int blockSize,
                          int blockNodes, Coordinates coordinates, Mapping mapping, String[] predictions,
                          int errorControlMembers, LayerLayout layers) implements Wire {

    public enum Coordinates { EIGENVALUES, SINGULAR_VALUES }

    /** The scenario's own parameters of a model mapped onto a gas. */
    public sealed interface Mapping extends Wire permits Direct, Sgd, Wishart {}

    public record Direct() implements Mapping {}

    public record Sgd(double alpha, int batch) implements Mapping {}

    public record Wishart(int m, double eta, double d) implements Mapping {}
}
