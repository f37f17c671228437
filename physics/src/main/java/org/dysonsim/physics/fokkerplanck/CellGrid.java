package org.dysonsim.physics.fokkerplanck;

/** n equal cells on [lo, hi]; values live at the cell centres. */
public record CellGrid(double lo, double hi, int cells) {
    public CellGrid {
        if (!(hi > lo) || cells < 2) throw new IllegalArgumentException("need lo < hi and at least two cells");
    }

    public double width() {
        return (hi - lo) / cells;
    }

    public double centre(int i) {
        return lo + (i + 0.5) * width();
    }

    /** Left face of cell i (i = cells gives hi). */
    public double face(int i) {
        return lo + i * width();
    }
}
