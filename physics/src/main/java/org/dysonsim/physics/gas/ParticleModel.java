package org.dysonsim.physics.gas;

/** The dynamics of one ensemble member: an interacting gas, or independent square-root diffusions. */
public sealed interface ParticleModel permits GasModel, CirModel {
    int n();
}
