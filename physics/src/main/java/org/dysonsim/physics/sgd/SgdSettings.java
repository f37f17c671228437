package org.dysonsim.physics.sgd;

/**
 * The optimiser: W ← W − α G_B for momentum 0, else the heavy ball v ← momentum·v + G_B,
 * W ← W − α v. One step is a time α (docs/physics.md §1, SGD form).
 *
 * @param alpha    learning rate α
 * @param batch    minibatch size |B|, drawn with replacement
 * @param momentum heavy-ball coefficient in [0, 1)
 */
public record SgdSettings(double alpha, int batch, double momentum) {}
