/**
 * Estimators (docs/physics.md §5): Marchenko–Pastur bulk fit, power-law tail, gamma fit, weighted
 * straight line, each with standard errors.
 */
package org.dysonsim.physics.fit;
