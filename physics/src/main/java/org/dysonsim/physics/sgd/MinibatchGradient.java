package org.dysonsim.physics.sgd;

import org.ejml.data.DMatrixRMaj;

/**
 * The minibatch gradient G_B of the loss at W (the step is W ← W − α G_B), and, when singular
 * pairs were given, what the gradient record needs (fields of
 * {@code TrajectoryEvent.GradientRecorded}; NaN / null otherwise).
 *
 * @param gradient            G_B, M×N
 * @param loss                the minibatch loss at W
 * @param projections         u_jᵀ G_B v_j
 * @param projectionVariances unbiased variance over the batch of the per-sample u_jᵀ g_i v_j
 * @param noiseVariance       Σ_i ‖g_i − G_B‖²_F / (M N (|B| − 1))
 */
public record MinibatchGradient(DMatrixRMaj gradient, double loss, double[] projections,
                                double[] projectionVariances, double noiseVariance) {}
