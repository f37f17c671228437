package org.dysonsim.scenarios.report;

import java.util.ArrayList;
import java.util.List;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.init.InitialSpectrum;

/** The theoretical laws that apply to a run; each is compared at every recorded time it applies to. */
public final class Predictions {
    private Predictions() {}

    public static List<Prediction> forRun(RunSpec spec) {
        List<Prediction> out = new ArrayList<>();
        if (spec.init() instanceof InitialSpectrum.MarchenkoPastur mp) {
            out.add(new MarchenkoPasturLaw(mp.rows(), mp.cols(), mp.sigma2()));
        }
        return out;
    }
}
