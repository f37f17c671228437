/**
 * Statistics of samples against laws (docs/physics.md §7): histograms, empirical CDF, KS tests,
 * L1 distances, unfolded spacings, Binder cumulant, batch means.
 */
package org.dysonsim.physics.stats;
