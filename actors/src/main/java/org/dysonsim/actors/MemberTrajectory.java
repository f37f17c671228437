package org.dysonsim.actors;

/** The recorded snapshots of one member: {@code values[k]} are the positions after nominal step {@code steps[k]}. */
public record MemberTrajectory(int member, long[] steps, double[] times, double[][] values) {}
