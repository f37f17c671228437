/**
 * Matrix-level training (issue 5): a weight matrix W (M×N) trained by minibatch SGD on data
 * generated from the seed, with the minibatch as the only source of noise. Losses compute real
 * minibatch gradients ({@link org.dysonsim.physics.sgd.MinibatchLoss}); {@link
 * org.dysonsim.physics.sgd.WeightSpectrum} gives the spectrum of WᵀW and the top singular pairs;
 * {@link org.dysonsim.physics.sgd.MatrixTraining} is the plain-loop reference the actors must
 * reproduce bit for bit. Every draw is a pure function of (seed, member, index, step, stream).
 */
package org.dysonsim.physics.sgd;
