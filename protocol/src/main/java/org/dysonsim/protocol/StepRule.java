package org.dysonsim.protocol;

/**
 * How a nominal step is subdivided, as plain data: the fields of the physics {@code StepSizeRule}
 * (docs/physics.md §2), whose documentation gives their meaning.
 */
public record StepRule(boolean adaptive, double theta, double thetaDrift, int maxLevel, int refinement) implements Wire {}
