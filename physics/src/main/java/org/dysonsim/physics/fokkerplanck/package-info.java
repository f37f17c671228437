/**
 * Numerical Fokker–Planck solutions (docs/physics.md §4): Chang–Cooper finite volumes for one mode
 * (implicit Euler or exact evolution through the generator's eigen-decomposition), the
 * Fokker–Planck Hamiltonian for the relaxation rates, and two particles with the Coulomb term.
 */
package org.dysonsim.physics.fokkerplanck;
