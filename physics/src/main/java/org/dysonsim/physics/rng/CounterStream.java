package org.dysonsim.physics.rng;

/**
 * A sequence of draws for one counter {@code (seed, member, index, step)}: the k-th draw uses
 * stream k, so samplers that consume a variable number of uniforms (rejection, Poisson) stay
 * pure functions of the counter.
 */
public final class CounterStream {
    private final long seed, member, index, step;
    private long next;

    public CounterStream(long seed, long member, long index, long step, long firstStream) {
        this.seed = seed;
        this.member = member;
        this.index = index;
        this.step = step;
        this.next = firstStream;
    }

    public double uniform() {
        return CounterRng.uniform(seed, member, index, step, next++);
    }

    public double gaussian() {
        return CounterRng.gaussian(seed, member, index, step, next++);
    }
}
