/**
 * Probability laws that spectra are held against ({@link org.dysonsim.physics.laws.SpectralLaw}:
 * density and CDF): Marchenko–Pastur, semicircle, Wigner surmise, two-mode density, gamma,
 * Tracy–Widom, the stationary two-particle Coulomb gas; the potentials they are built from.
 */
package org.dysonsim.physics.laws;
