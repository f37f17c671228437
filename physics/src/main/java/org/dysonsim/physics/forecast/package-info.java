/**
 * Forecasts of the top-k singular values of a weight matrix from gradients alone (Olsen et al.,
 * <i>From SGD to Spectra</i>, ICML 2025, arXiv 2507.12709, Algorithm 1, bootstrapped drift).
 */
package org.dysonsim.physics.forecast;
