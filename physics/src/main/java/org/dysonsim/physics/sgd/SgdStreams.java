package org.dysonsim.physics.sgd;

/**
 * The stream coordinates of every draw of a matrix-level run. Each draw, uniform or Gaussian, is
 * the one Philox block of its stream (CounterRng), so the streams here are distinct: no two
 * purposes share a counter.
 */
final class SgdStreams {
    private SgdStreams() {}

    /** Entries of the initial W (index = entry, step 0). */
    static final long INITIAL_WEIGHTS = 2001;
    /** Data samples (index = sample·dim + component, step 0). */
    static final long DATA = 2002;
    /** Teacher entries (index = entry, step 0). */
    static final long TEACHER = 2003;
    /** Label noise (index = sample·N + component, step 0). */
    static final long LABEL_NOISE = 2004;
    /** Initial PCD chains (index = chain·M + site, step 0). */
    static final long CHAIN_START = 2005;
    /** Gibbs draws of the hidden layer (index = (chain·sweeps + sweep)·N + unit, step). */
    static final long GIBBS_HIDDEN = 2006;
    /** Gibbs draws of the visible layer (index = (chain·sweeps + sweep)·M + site, step). */
    static final long GIBBS_VISIBLE = 2007;
    /** Minibatch indices (index = position in the batch, step). */
    static final long BATCH = 9001;
}
