package org.dysonsim.protocol;

import com.esotericsoftware.kryo.DefaultSerializer;
import org.dysonsim.protocol.kryo.GradientRecordedSerializer;
import org.dysonsim.protocol.kryo.NetworkMetricsRecordedSerializer;
import org.dysonsim.protocol.kryo.SnapshotRecordedSerializer;

/** The events of one ensemble member's journal (persistence id {@code run|<run-id>|<member>}). */
public sealed interface TrajectoryEvent extends Wire
        permits TrajectoryEvent.RunStarted, TrajectoryEvent.SnapshotRecorded, TrajectoryEvent.RunCompleted,
                TrajectoryEvent.RunFailed, TrajectoryEvent.GradientRecorded,
                TrajectoryEvent.NetworkMetricsRecorded {

    /**
     * @param scenario    the resolved scenario (HOCON text), enough to reproduce the run
     * @param codeVersion the version of dysonsim that started the run
     */
    record RunStarted(String runId, int member, String scenario, long seed, String codeVersion, int n)
            implements TrajectoryEvent {}

    /**
     * Positions of every eigenvalue (in the simulated coordinates) after nominal step {@code step}.
     *
     * @param checksum {@link TrajectoryChecksum} of step, t and values, computed when the snapshot is
     *                 made and checked whenever it is read ({@link #intact()});
     *                 {@link TrajectoryChecksum#ABSENT} in journals written before checksums existed
     */
    @DefaultSerializer(SnapshotRecordedSerializer.class)
    record SnapshotRecorded(long step, double t, double[] values, long checksum) implements TrajectoryEvent {

        /** A snapshot with its checksum. The values are not copied: do not change them afterwards. */
        public SnapshotRecorded(long step, double t, double[] values) {
            this(step, t, values, TrajectoryChecksum.of(step, t, values));
        }

        /** Whether the fields are those the checksum was computed from (true when it is absent). */
        public boolean intact() {
            return TrajectoryChecksum.matches(checksum, TrajectoryChecksum.of(step, t, values));
        }
    }

    /**
     * What a matrix-level run ({@code model = matrix}) records at every recorded step, right after
     * the {@link SnapshotRecorded} of the same step (both in one atomic write), for the analyses
     * that need gradients (spectral monitoring, the forecast of Olsen et al., Algorithm 1). The
     * snapshot's values are the N eigenvalues of WᵀW, ascending; this event adds, for the state
     * {@code W_s} after step {@code s}:
     *
     * @param step                s, as in the snapshot
     * @param t                   s·α, as in the snapshot
     * @param loss                the minibatch loss at W_s on the minibatch of step s + 1 (for the RBM:
     *                            the Gaussian negative log-likelihood per sample, exact in W)
     * @param singularValues      σ_1 ≥ … ≥ σ_k, the top k = {@code forecast.top-k} singular values of W_s
     * @param projections         u_jᵀ G_B v_j for the same j: G_B is the minibatch gradient at W_s that
     *                            step s + 1 applies (W ← W − α G_B, before momentum), (u_j, v_j) the
     *                            singular pair of σ_j; the drift of σ_j is −α·projections[j] per step
     * @param projectionVariances the unbiased variance over the minibatch's samples of the per-sample
     *                            projections u_jᵀ g_i v_j; minibatches are drawn with replacement, so
     *                            the variance of projections[j] from step to step is this over |B|,
     *                            and the diffusion of σ_j per step is α²·projectionVariances[j]/|B|
     *                            (NaN when |B| = 1)
     * @param noiseVariance       the unbiased variance of one per-sample gradient entry, averaged over
     *                            the M·N entries: Σ_i ‖g_i − G_B‖²_F / (M N (|B| − 1)); the isotropic
     *                            reading of the noise, s² = 2ηD = α·noiseVariance/|B| (docs/physics.md §1,
     *                            time t = step·α)
     * @param checksum            {@link TrajectoryChecksum} of every other field, checked whenever the
     *                            record is read ({@link #intact()}); {@link TrajectoryChecksum#ABSENT}
     *                            in journals written before checksums existed
     */
    @DefaultSerializer(GradientRecordedSerializer.class)
    record GradientRecorded(long step, double t, double loss, double[] singularValues, double[] projections,
                            double[] projectionVariances, double noiseVariance, long checksum)
            implements TrajectoryEvent {

        /** A gradient record with its checksum. The arrays are not copied: do not change them afterwards. */
        public GradientRecorded(long step, double t, double loss, double[] singularValues, double[] projections,
                                double[] projectionVariances, double noiseVariance) {
            this(step, t, loss, singularValues, projections, projectionVariances, noiseVariance,
                    TrajectoryChecksum.of(step, t, loss, singularValues, projections, projectionVariances, noiseVariance));
        }

        /** Whether the fields are those the checksum was computed from (true when it is absent). */
        public boolean intact() {
            return TrajectoryChecksum.matches(checksum, TrajectoryChecksum.of(step, t, loss, singularValues,
                    projections, projectionVariances, noiseVariance));
        }
    }

    /**
     * What a network run ({@code model = network}) records at every recorded step beside its
     * snapshot and gradient record (all in one atomic write): how well the whole network does at
     * the state after step {@code step}, and how far each layer's spectrum is from that of its
     * entries permuted (physics.layers.RandomDistance).
     *
     * @param trainLoss         the minibatch loss at that state on the minibatch of step + 1 (as GradientRecorded's loss)
     * @param testLoss          the mean cross-entropy on the fixed held-out images ({@code network.test-size})
     * @param testAccuracy      the fraction of them classified right
     * @param randomDistanceKs  per layer, the KS distance between the nonzero eigenvalues of WᵀW and those of
     *                          W with its entries permuted; null when this record did not measure it (and in
     *                          journals written before it was measured)
     * @param randomDistanceW1  per layer, the Wasserstein-1 distance of the same two, over the mean eigenvalue;
     *                          null exactly when {@code randomDistanceKs} is
     * @param checksum          {@link TrajectoryChecksum} of step, t, the three values and the distances, checked
     *                          whenever it is read
     */
    @DefaultSerializer(NetworkMetricsRecordedSerializer.class)
    record NetworkMetricsRecorded(long step, double t, double trainLoss, double testLoss, double testAccuracy,
                                  double[] randomDistanceKs, double[] randomDistanceW1, long checksum)
            implements TrajectoryEvent {

        public NetworkMetricsRecorded {
            if ((randomDistanceKs == null) != (randomDistanceW1 == null)
                    || randomDistanceKs != null && randomDistanceKs.length != randomDistanceW1.length) {
                throw new IllegalArgumentException("the KS and W1 random distances must cover the same layers");
            }
        }

        /** A record without random distances. */
        public NetworkMetricsRecorded(long step, double t, double trainLoss, double testLoss, double testAccuracy) {
            this(step, t, trainLoss, testLoss, testAccuracy, null, null);
        }

        /** A record with its checksum. The arrays are not copied: do not change them afterwards. */
        public NetworkMetricsRecorded(long step, double t, double trainLoss, double testLoss, double testAccuracy,
                                      double[] randomDistanceKs, double[] randomDistanceW1) {
            this(step, t, trainLoss, testLoss, testAccuracy, randomDistanceKs, randomDistanceW1,
                    checksumOf(step, t, trainLoss, testLoss, testAccuracy, randomDistanceKs, randomDistanceW1));
        }

        public boolean intact() {
            return TrajectoryChecksum.matches(checksum, checksumOf(step, t, trainLoss, testLoss, testAccuracy,
                    randomDistanceKs, randomDistanceW1));
        }

        /** Whether this record measured the random distances. */
        public boolean measuredRandomDistance() {
            return randomDistanceKs != null;
        }

        /** Without distances, the sum of the three values alone, as records written before distances existed. */
        private static long checksumOf(long step, double t, double trainLoss, double testLoss, double testAccuracy,
                                       double[] ks, double[] w1) {
            int layers = ks == null ? 0 : ks.length;
            double[] values = new double[3 + 2 * layers];
            values[0] = trainLoss;
            values[1] = testLoss;
            values[2] = testAccuracy;
            if (ks != null) {
                System.arraycopy(ks, 0, values, 3, layers);
                System.arraycopy(w1, 0, values, 3 + layers, layers);
            }
            return TrajectoryChecksum.of(step, t, values);
        }
    }

    record RunCompleted(long step, double t) implements TrajectoryEvent {}

    record RunFailed(long step, String reason) implements TrajectoryEvent {}
}
