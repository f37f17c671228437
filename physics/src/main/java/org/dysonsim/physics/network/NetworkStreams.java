package org.dysonsim.physics.network;

/**
 * The stream coordinates of a network's own draws (minibatch indices use {@link
 * org.dysonsim.physics.sgd.Minibatch}, whose stream no network draw shares). Gaussian stream s
 * consumes the uniform streams 2s and 2s + 1.
 */
final class NetworkStreams {
    private NetworkStreams() {}

    /** Entries of the initial W_l (index = entry, step = layer). */
    static final long INITIAL_WEIGHTS = 2011;
}
