package org.dysonsim.physics.gas;

/** The dynamics of one ensemble member: an interacting gas, independent square-root diffusions, or a weight matrix trained by SGD. */
public sealed interface ParticleModel permits GasModel, CirModel, MatrixModel {
    int n();
}
