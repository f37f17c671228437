package org.dysonsim.physics.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stage labels and the stopping signal on planted exponent sequences with a known answer. */
class TrainingStagesTest {
    static final double SE = 0.05;

    /** A record with the given exponent (standard error {@link #SE}) and weight beyond the MP edge. */
    static SpectralDiagnostics record(double alpha, double beyond) {
        // 100 levels per spectrum
        return new SpectralDiagnostics(alpha, SE, 1.0, 100, 1 - beyond, 0.01, 1.0, 0.01, 3.0, beyond, 100 * beyond, 0.1);
    }

    /** α_k = 2.5 + 2e^{−k/5}; no tail in records 0–2, then 10 % beyond the edge. */
    static List<SpectralDiagnostics> stabilising(int records) {
        List<SpectralDiagnostics> out = new ArrayList<>();
        for (int k = 0; k < records; k++) out.add(record(2.5 + 2 * Math.exp(-k / 5.0), k < 3 ? 0.001 : 0.1));
        return out;
    }

    @Test
    void signalFiresWhereTheChangeOverTheWindowFirstFallsWithinOneStandardError() {
        // |α_k − α_{k−5}| = 2e^{−k/5}(e − 1) ≤ 0.05 ⇔ k ≥ 5 ln(40(e − 1)) = 21.15: record 22
        List<SpectralDiagnostics> records = stabilising(40);
        TrainingStages rules = TrainingStages.DEFAULT;
        assertEquals(22, rules.stoppingRecord(records));
        List<TrainingStage> stages = rules.stages(records);
        for (int k = 0; k < 3; k++) assertEquals(TrainingStage.EXPLORATION, stages.get(k), "record " + k);
        for (int k = 3; k < 22; k++) assertEquals(TrainingStage.HEAVY_TAIL_STABILISATION, stages.get(k), "record " + k);
        for (int k = 22; k < 40; k++) assertEquals(TrainingStage.SATURATION, stages.get(k), "record " + k);
    }

    @Test
    void aSteadilyDriftingExponentNeverStops() {
        // 0.02 per record: 0.1 over the window, twice the standard error
        List<SpectralDiagnostics> records = new ArrayList<>();
        for (int k = 0; k < 60; k++) records.add(record(4.0 - 0.02 * k, 0.1));
        assertEquals(-1, TrainingStages.DEFAULT.stoppingRecord(records));
        assertTrue(TrainingStages.DEFAULT.stages(records).stream().noneMatch(s -> s == TrainingStage.SATURATION));
    }

    @Test
    void aStableExponentWithoutTailIsStillExploration() {
        List<SpectralDiagnostics> records = new ArrayList<>();
        for (int k = 0; k < 20; k++) records.add(record(3.0, 0.001));
        assertEquals(-1, TrainingStages.DEFAULT.stoppingRecord(records));
        // 5 % beyond the edge but less than one eigenvalue per spectrum (a spectrum of 10): finite-size, no tail
        assertEquals(TrainingStage.EXPLORATION, TrainingStages.DEFAULT.stage(List.of(
                new SpectralDiagnostics(3.0, SE, 1.0, 10, 0.95, 0.01, 1.0, 0.01, 3.0, 0.05, 0.5, 0.1)), 0));
        // and an exponent above 6 is no heavy tail, whatever lies beyond the edge
        assertEquals(TrainingStage.EXPLORATION, TrainingStages.DEFAULT.stage(List.of(record(7.5, 0.3)), 0));
    }
}
