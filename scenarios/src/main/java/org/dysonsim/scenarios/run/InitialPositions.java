package org.dysonsim.scenarios.run;

import org.dysonsim.actors.RunSpec;

/** A member's starting positions in the coordinates the model is simulated in. */
public final class InitialPositions {
    private InitialPositions() {}

    /** The initial spectrum λ of the member; for singular-value runs s = √λ. */
    public static double[] of(RunSpec spec, int member) {
        double[] x = spec.init().sample(spec.seed(), member);
        if (spec.coordinates() == RunSpec.Coordinates.SINGULAR_VALUES) {
            for (int i = 0; i < x.length; i++) x[i] = Math.sqrt(x[i]);
        }
        return x;
    }
}
