/**
 * Heavy tails done as Clauset, Shalizi and Newman define them (docs/physics.md §8): the power-law
 * fit with x_min by KS (continuous and discrete), the semi-parametric bootstrap goodness of fit,
 * likelihood-ratio tests against the usual alternatives, the x_max clipping check, and a verdict.
 * Pure functions returning typed records.
 */
package org.dysonsim.physics.tails;
