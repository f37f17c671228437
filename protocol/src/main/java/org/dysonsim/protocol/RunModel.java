package org.dysonsim.protocol;

/**
 * A member's whole dynamics as plain data, as a resolved run carries it ({@link ResolvedRun}):
 * the physics counterparts are {@code GasModel}, {@code CirModel}, {@code MatrixModel} and {@code NetworkModel}, whose
 * documentation gives the fields' meaning (docs/physics.md §1).
 */
public sealed interface RunModel extends Wire permits RunModel.Gas, RunModel.SquareRootDiffusions, RunModel.Matrix,
        RunModel.Network {

    /** An interacting gas and the drift it is driven by. */
    record Gas(BlockDynamics.Gas dynamics, DriftLaw drift) implements RunModel {}

    /** Independent square-root (CIR) diffusions. */
    record SquareRootDiffusions(BlockDynamics.SquareRootDiffusions dynamics) implements RunModel {}

    /**
     * A weight matrix of {@code rows} × {@code n} trained by minibatch SGD on {@code loss}, with
     * learning rate {@code alpha}, batch size {@code batch} and {@code momentum}.
     */
    record Matrix(int rows, int n, MatrixLoss loss, double alpha, int batch, double momentum, int dataSize,
                  double initScale, int topK, long checkpointEvery) implements RunModel {}

    /** A multilayer perceptron of layer widths {@code widths} trained by minibatch SGD on labelled images. */
    record Network(int[] widths, double initGain, double alpha, int batch, double momentum, int trainSize, int testSize,
                   int topK, long checkpointEvery, String dataPath) implements RunModel {}

    /** The loss a weight matrix is trained on: the physics {@code LossSpec}. */
    sealed interface MatrixLoss extends Wire permits RbmPcd, TeacherStudent, ZeroGradient {}

    record RbmPcd(double mass2, double mu2, double sigmaH2, int gibbsSweeps) implements MatrixLoss {}

    record TeacherStudent(double teacherScale, double noise, double ridge) implements MatrixLoss {}

    record ZeroGradient(double sampleVariance) implements MatrixLoss {}
}
