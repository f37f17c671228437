package org.dysonsim.physics.tails;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dysonsim.physics.rng.CounterStream;

/**
 * The semi-parametric bootstrap goodness of fit of Clauset, Shalizi and Newman §4.1
 * (docs/physics.md §8): each of K synthetic sets has n values; each value is, with probability
 * n_tail/n, a draw from the fitted power law above x_min, otherwise a value drawn uniformly from
 * the data below x_min. x_min and α are refitted on every set, and p is the share of sets whose
 * KS distance is at least the data's. Its binomial precision is {@code √(p(1 − p)/K)}: K = 2500
 * pins p to ±0.01 near p = 0.5. Value j of set i is a pure function of (seed, i, j) through
 * {@link CounterStream}, so the sets are the same for any number of threads. A set whose refit
 * fails (fewer than 10 usable values) counts as at least as far as the data, which can only raise p.
 */
public record TailBootstrap(double pValue, double precision, int sets) {
    /** @param searchXMin whether x_min is refitted on every set (true) or held at the data's (when it was given) */
    public static TailBootstrap of(double[] data, PowerLawFit fit, boolean searchXMin, int sets, long seed, int threads) {
        if (sets < 1) throw new IllegalArgumentException("need at least one bootstrap set, got " + sets);
        double[] body = Arrays.stream(data).filter(v -> v < fit.xMin()).sorted().toArray();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "tail-bootstrap");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Boolean>> results = new ArrayList<>(sets);
            for (int i = 0; i < sets; i++) {
                final int set = i;
                results.add(pool.submit(() -> atLeastAsFar(synthetic(data.length, body, fit, seed, set), fit, searchXMin)));
            }
            int far = 0;
            for (Future<Boolean> r : results) if (r.get()) far++;
            double p = (double) far / sets;
            return new TailBootstrap(p, Math.sqrt(p * (1 - p) / sets), sets);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bootstrap interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("bootstrap set failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Synthetic set {@code set}: value j from the stream (seed, set, j). */
    static double[] synthetic(int n, double[] body, PowerLawFit fit, long seed, int set) {
        double tailShare = (double) fit.tailSize() / n;
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            CounterStream r = new CounterStream(seed, set, j, 0, 0);
            double choose = r.uniform(), u = r.uniform();
            x[j] = body.length == 0 || choose < tailShare ? fit.draw(u) : body[(int) Math.min(body.length - 1, Math.floor(u * body.length))];
        }
        return x;
    }

    private static boolean atLeastAsFar(double[] synthetic, PowerLawFit fit, boolean searchXMin) {
        try {
            PowerLawFit refit = searchXMin ? PowerLawFit.fit(synthetic, fit.discrete()) : PowerLawFit.fitAbove(synthetic, fit.xMin(), fit.discrete());
            return refit.ksDistance() >= fit.ksDistance();
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
