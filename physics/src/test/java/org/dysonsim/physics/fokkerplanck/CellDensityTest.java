package org.dysonsim.physics.fokkerplanck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dysonsim.physics.laws.NormalLaw;
import org.junit.jupiter.api.Test;

class CellDensityTest {
    private final CellGrid grid = new CellGrid(-1, 1, 20);

    @Test
    void pointMassKeepsMassAndMeanExactly() {
        CellDensity p = CellDensity.pointMass(grid, 0.237);
        assertEquals(1.0, p.mass(), 1e-15);
        assertEquals(0.237, p.mean(), 1e-15);
        assertEquals(1.0, p.cdf(1.0), 1e-15);
        assertEquals(0.0, p.cdf(0.0), 1e-15);
    }

    @Test
    void cdfAndL1OfAPiecewiseConstantDensity() {
        double[] v = new double[20];
        for (int i = 0; i < 20; i++) v[i] = i < 10 ? 0.25 : 0.75;
        CellDensity p = new CellDensity(grid, v);
        assertEquals(0.25 * 0.5, p.cdf(-0.5), 1e-15);
        assertEquals(0.25 + 0.75 * 0.3, p.cdf(0.3), 1e-15);
        CellDensity same = new CellDensity(grid, v);
        assertEquals(0.0, p.l1Distance(same), 1e-15);
        NormalLaw n = new NormalLaw(0, 0.04);
        double[] cells = new double[20];
        for (int i = 0; i < 20; i++) cells[i] = (n.cdf(grid.face(i + 1)) - n.cdf(grid.face(i))) / grid.width();
        assertEquals(0.0, new CellDensity(grid, cells).l1Distance(n), 1e-12);
    }
}
