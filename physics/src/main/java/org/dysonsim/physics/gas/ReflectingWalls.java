package org.dysonsim.physics.gas;

/**
 * Zero-flux (reflecting) walls inside the nearest-neighbour-implicit step (docs/physics.md §2), by
 * the method of images folded into the convex problem. Only the particle next to a wall can
 * reach it, and its reflected position is {@code fold(y) = lo + |y − lo|}; letting every
 * interaction see the folded position turns the objective into
 *
 * <pre>
 *   F(y) = Σ (y_i − z_i)²/(2hγ_i) − log(y₂ − fold(y₁)) − Σ_{i≥2} log(y_{i+1} − y_i) [+ barriers]
 * </pre>
 *
 * which is still convex ({@code −log(d − u)} is convex and increasing in {@code u = |y₁ − lo|},
 * itself convex in {@code y₁}), with one kink at the wall. Its unique minimiser is found by
 * cases, each an ordinary barrier-only solve: the prediction as it is (accepted if the lowest
 * particle ends at or above the wall), else the lowest prediction mirrored, {@code z₁ → 2lo − z₁}
 * (accepted if its solution is at or above the wall: it is the folded position), else the kink
 * itself, the lowest particle held at the wall while the others are solved. Every case is an
 * ordered solution inside the walls, so a reflection can never reorder the particles; for one
 * particle it is the exact reflection {@code |z − lo|}. The upper wall is the mirror image.
 */
final class ReflectingWalls {
    /** The held particle's weight in the kink case, relative to its own: it moves by about this fraction of a step. */
    private static final double HOLD = 1e-12;

    private enum Side { FREE, MIRRORED, HELD }

    private final NearestNeighbourImplicit implicit;
    private final int n;
    private final double[] target, gamma;

    ReflectingWalls(NearestNeighbourImplicit implicit, int n) {
        this.implicit = implicit;
        this.n = n;
        this.target = new double[n];
        this.gamma = new double[n];
    }

    static boolean present(GasModel model) {
        return model.lower().kind() == Wall.Kind.REFLECT || model.upper().kind() == Wall.Kind.REFLECT;
    }

    /** The implicit step with reflecting walls; same contract as {@link NearestNeighbourImplicit#solve}. */
    int solve(GasModel model, double[] z, double h, double[] y) {
        boolean lowerReflects = model.lower().kind() == Wall.Kind.REFLECT;
        boolean upperReflects = model.upper().kind() == Wall.Kind.REFLECT;
        Side[] lowerCases = lowerReflects ? Side.values() : new Side[] {Side.FREE};
        Side[] upperCases = upperReflects ? Side.values() : new Side[] {Side.FREE};
        int iterations = 0;
        for (Side lowerSide : lowerCases) {
            for (Side upperSide : upperCases) {
                iterations += solveCase(model, z, h, y, lowerSide, upperSide);
                boolean lowerOk = !lowerReflects || lowerSide == Side.HELD || y[0] >= model.lower().position();
                boolean upperOk = !upperReflects || upperSide == Side.HELD || y[n - 1] <= model.upper().position();
                if (lowerOk && upperOk) {
                    if (lowerSide == Side.HELD) y[0] = model.lower().position();
                    if (upperSide == Side.HELD) y[n - 1] = model.upper().position();
                    return iterations;
                }
            }
        }
        throw new NonFiniteStateException("no ordered solution of the implicit step inside the reflecting walls");
    }

    private int solveCase(GasModel model, double[] z, double h, double[] y, Side lowerSide, Side upperSide) {
        System.arraycopy(z, 0, target, 0, n);
        double[] g = model.coulomb();
        boolean held = lowerSide == Side.HELD || upperSide == Side.HELD;
        if (held) System.arraycopy(g, 0, gamma, 0, n);
        if (lowerSide == Side.MIRRORED) target[0] = 2 * model.lower().position() - z[0];
        if (upperSide == Side.MIRRORED) target[n - 1] = 2 * model.upper().position() - z[n - 1];
        if (lowerSide == Side.HELD) hold(model, 0, model.lower().position(), h);
        if (upperSide == Side.HELD) hold(model, n - 1, model.upper().position(), h);
        GasModel solved = held ? new GasModel(model.noise(), gamma, model.mirror(), model.drift(), model.lower(), model.upper())
                : model;
        return implicit.solveInsideBarriers(solved, target, h, y);
    }

    /**
     * Holds particle i at the wall: a quadratic weight 1/HOLD times its own, centred where the
     * opposite wall's barrier (if any, it acts on every particle) leaves it at the wall.
     */
    private void hold(GasModel model, int i, double wall, double h) {
        gamma[i] *= HOLD;
        double push = 0.0;
        Wall other = i == 0 ? model.upper() : model.lower();
        if (other.kind() == Wall.Kind.BARRIER) push = h * Wall.IMPLICIT_SHARE * other.coefficient() / (other.position() - wall);
        target[i] = wall + push;
    }
}
