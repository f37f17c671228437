/**
 * Per-layer spectral metrics of a weight matrix W (docs/physics.md §8): WeightWatcher's metrics of
 * the eigenvalues of WᵀW, the Marchenko–Pastur bulk with its errors and goodness of fit, spikes
 * beyond the fitted edge plus a Tracy–Widom margin, and the distance to the spectrum of W with its
 * entries permuted. Pure functions returning typed records.
 */
package org.dysonsim.physics.layers;
