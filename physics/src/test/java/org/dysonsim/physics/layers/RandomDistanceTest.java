package org.dysonsim.physics.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.dysonsim.physics.gas.NetworkModel;
import org.dysonsim.physics.rng.CounterRng;
import org.dysonsim.physics.sgd.SgdSettings;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** The random distance on wide layers, its seeds, and the records a network run measures it at. */
class RandomDistanceTest {

    private static DMatrixRMaj gaussian(int rows, int cols, long seed) {
        DMatrixRMaj w = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < w.data.length; i++) w.data[i] = CounterRng.gaussian(seed, 0, i, 0, 0);
        return w;
    }

    @Test
    void aWideLayerIsComparedOnItsNonzeroEigenvaluesAsItsTransposeIs() {
        DMatrixRMaj wide = gaussian(20, 70, 3);
        double[] nonzero = RandomDistance.nonzeroEigenvalues(wide);
        assertEquals(20, nonzero.length);
        assertTrue(nonzero[0] > 1, "no structural zero: " + nonzero[0]);
        DMatrixRMaj tall = new DMatrixRMaj(70, 20);
        CommonOps_DDRM.transpose(wide, tall);
        double[] ofTall = RandomDistance.nonzeroEigenvalues(tall);
        for (int i = 0; i < 20; i++) assertEquals(ofTall[i], nonzero[i], 1e-9 * ofTall[19]);
        RandomDistance d = RandomDistance.of(wide, 11);
        // two samples of 20 levels from one law: √(20/2)·D < 2.2253 at the 1e-4 level
        assertTrue(d.ksDistance() < 2.2253 / Math.sqrt(10), "iid D = " + d.ksDistance());
        assertEquals(d, RandomDistance.of(wide, nonzero, 11), "the known eigenvalues give the same distance");
    }

    @Test
    void aRankOneSignalIsFarFromItsPermutation() {
        DMatrixRMaj w = gaussian(30, 80, 5);
        for (int i = 0; i < 30; i++) for (int j = 0; j < 80; j++) w.add(i, j, 2.0 * Math.cos(i) * Math.sin(j));
        RandomDistance signal = RandomDistance.of(w, 2);
        RandomDistance noise = RandomDistance.of(gaussian(30, 80, 5), 2);
        assertTrue(signal.wasserstein() > 3 * noise.wasserstein(), signal + " against " + noise);
    }

    @Test
    void theSeedDependsOnRunMemberLayerAndStep() {
        Set<Long> seeds = new HashSet<>();
        for (long run : new long[] {1, 2}) for (int member = 0; member < 2; member++) for (int layer = 0; layer < 2; layer++)
            for (long step = 0; step < 3; step++) seeds.add(RandomDistance.seed(run, member, layer, step));
        assertEquals(24, seeds.size());
        assertEquals(RandomDistance.seed(7, 1, 2, 250), RandomDistance.seed(7, 1, 2, 250));
    }

    private static NetworkModel network(int... widths) {
        return new NetworkModel(widths, Math.sqrt(2), new SgdSettings(0.05, 32, 0.9), 1000, 100, 4, 0, "/nowhere");
    }

    @Test
    void aNetworkRecordedRarelyMeasuresEveryRecordAndOftenEveryKth() {
        NetworkModel mlp = network(784, 300, 100, 10);
        assertEquals(1, RandomDistanceCadence.of(mlp, 250, 3000).every(), "mlp-fashion measures every record");
        RandomDistanceCadence often = RandomDistanceCadence.of(mlp, 1, 3000);
        int k = often.every();
        assertTrue(k > 1, "a record every step cannot afford it");
        double share = RandomDistanceCadence.operations(mlp) / (k * RandomDistanceCadence.stepOperations(mlp));
        assertTrue(share <= RandomDistanceCadence.BUDGET, "share " + share);
        assertTrue(RandomDistanceCadence.operations(mlp) / ((k - 1) * RandomDistanceCadence.stepOperations(mlp))
                > RandomDistanceCadence.BUDGET, "the smallest such k");
        assertTrue(often.measures(0));
        assertTrue(often.measures(k));
        assertFalse(often.measures(1));
        assertTrue(often.measures(3000), "the last record, whatever its index");
        RandomDistanceCadence odd = new RandomDistanceCadence(10, 95, 3);
        assertTrue(odd.measures(30) && odd.measures(60) && odd.measures(95));
        assertFalse(odd.measures(10) || odd.measures(40) || odd.measures(80));
        assertNotEquals(0, RandomDistanceCadence.operations(network(5, 3)));
    }
}
