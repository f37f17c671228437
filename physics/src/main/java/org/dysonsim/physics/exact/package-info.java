/**
 * Exact oracles for particle runs (docs/physics.md §3): transition laws (Ornstein–Uhlenbeck, CIR),
 * large-N laws at time t (free convolution, time-dependent Marchenko–Pastur) and exact finite-N
 * samplers (Dyson OU matrices, Laguerre bidiagonal).
 */
package org.dysonsim.physics.exact;
