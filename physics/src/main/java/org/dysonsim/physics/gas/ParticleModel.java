package org.dysonsim.physics.gas;

/** The dynamics of one ensemble member: an interacting gas, independent square-root diffusions, a weight matrix trained by SGD, or a multilayer network trained on images. */
public sealed interface ParticleModel permits GasModel, CirModel, MatrixModel, NetworkModel {
    int n();
}
