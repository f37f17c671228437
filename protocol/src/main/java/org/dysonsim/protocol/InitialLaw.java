package org.dysonsim.protocol;

/**
 * Where a member's eigenvalues start, as plain data: the physics {@code InitialSpectrum}, whose
 * documentation gives the fields' meaning.
 */
public sealed interface InitialLaw extends Wire
        permits InitialLaw.Explicit, InitialLaw.MarchenkoPastur, InitialLaw.Goe, InitialLaw.DegeneratePairs {

    record Explicit(double[] values) implements InitialLaw {}

    record MarchenkoPastur(int rows, int cols, double sigma2) implements InitialLaw {}

    record Goe(int n, double sigma2) implements InitialLaw {}

    record DegeneratePairs(double[] centres, double split) implements InitialLaw {}
}
