package org.dysonsim.scenarios.serve;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dysonsim.physics.laws.SpectralLaw;

/**
 * A spectrum as the live page draws it: on a grid of {@value #POINTS} points over the levels'
 * range (and the law's support, when there is a law), the histogram's density at each point
 * (a step function, normalised to area 1) and the law's density, so that one chart with a shared
 * x axis shows both.
 */
final class SpectrumHistogram {
    static final int POINTS = 240;

    private SpectrumHistogram() {}

    /** {@code x}, {@code histogram} and {@code law} (null without a law); empty arrays without levels. */
    static Map<String, Object> of(double[] levels, SpectralLaw law) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (levels.length == 0) {
            out.put("x", new double[0]);
            out.put("histogram", new double[0]);
            out.put("law", null);
            return out;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : levels) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (law != null) {
            if (Double.isFinite(law.lower())) lo = Math.min(lo, law.lower());
            if (Double.isFinite(law.upper())) hi = Math.max(hi, law.upper());
        }
        double pad = hi > lo ? 0.05 * (hi - lo) : Math.max(1e-3, Math.abs(lo) * 0.05);
        lo -= pad;
        hi += pad;
        int bins = (int) Math.max(8, Math.min(60, Math.ceil(2 * Math.sqrt(levels.length))));
        double width = (hi - lo) / bins;
        long[] counts = new long[bins];
        for (double v : levels) counts[Math.min(bins - 1, (int) ((v - lo) / width))]++;
        double[] x = new double[POINTS];
        double[] histogram = new double[POINTS];
        double[] density = law == null ? null : new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            x[i] = lo + (hi - lo) * i / (POINTS - 1);
            histogram[i] = counts[Math.min(bins - 1, (int) ((x[i] - lo) / width))] / (levels.length * width);
            if (density != null) density[i] = law.density(x[i]);
        }
        out.put("x", x);
        out.put("histogram", histogram);
        out.put("law", density);
        return out;
    }
}
