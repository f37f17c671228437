package org.dysonsim.physics.fokkerplanck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dysonsim.physics.laws.Potential;
import org.junit.jupiter.api.Test;

class ChangCooperOperatorTest {
    @Test
    void bernoulliFunctionIsSmoothThroughZero() {
        assertEquals(1.0, ChangCooperOperator.bernoulli(0.0), 0.0);
        assertEquals(ChangCooperOperator.bernoulli(1.0000001e-6), ChangCooperOperator.bernoulli(0.9999999e-6), 1e-12);
        assertEquals(3 / Math.expm1(3), ChangCooperOperator.bernoulli(3), 1e-15);
        assertEquals(ChangCooperOperator.bernoulli(-2.0), ChangCooperOperator.bernoulli(2.0) * Math.exp(2.0), 1e-14);
    }

    @Test
    void stationaryStateIsExactAndColumnsConserveMass() {
        ChangCooperOperator op = new ChangCooperOperator(new Potential.Rbm(1.0, 0.5), 0.05, new CellGrid(0, 1, 200));
        CellDensity s = op.stationary();
        double[] ls = op.apply(s.values());
        double max = 0;
        for (double v : s.values()) max = Math.max(max, v);
        double rate = 0.05 * 200 * 200;   // g²/h², the size of the operator's entries
        for (double v : ls) assertEquals(0.0, v / (rate * max), 1e-14);
        // Σ_i (L P)_i = 0 for every P ⇔ every column of L sums to zero: check on a generic P
        double[] p = new double[200];
        for (int i = 0; i < 200; i++) p[i] = 1 + Math.sin(i);
        double total = 0;
        for (double v : op.apply(p)) total += v;
        assertEquals(0.0, total, 1e-9);
        SymmetricTridiagonal sym = op.symmetrisedNegative();
        assertTrue(sym.lowestEigenvalues(1)[0] > -1e-9);
    }
}
