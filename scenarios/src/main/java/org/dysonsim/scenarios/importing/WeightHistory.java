package org.dysonsim.scenarios.importing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.dysonsim.protocol.LayerLayout;
import org.ejml.data.DMatrixRMaj;
import org.dysonsim.scenarios.config.ScenarioException;

/**
 * A researcher's training run as found in files, its layout checked against every array's header:
 * {@code members} runs (seeds) of {@code steps.length} records each, every record holding one W
 * per layer and, when saved, its gradient and the loss.
 *
 * @param source    what was imported (a path)
 * @param format    the layout recognised, for messages and the run's scenario
 * @param steps     the training step of each record, increasing
 * @param loss      the loss per member and record (member-major), null when not saved
 * @param weights   per layer, its matrices member after member, record after record
 * @param gradients per layer its gradients in the same order, or empty when none were saved
 * @param schedule  the learning rate and batch size saved beside the weights
 */
public record WeightHistory(String source, String format, LayerLayout layout, int members, long[] steps, double[] loss,
                            List<WeightSeries> weights, List<WeightSeries> gradients, TrainingSchedule schedule)
        implements TrainingHistory {

    /** What a record gives its visitor; the matrices are fresh and may be kept. */
    @FunctionalInterface
    public interface RecordVisitor {
        void visit(int member, int record, long step, double loss, DMatrixRMaj[] weights, DMatrixRMaj[] gradients)
                throws IOException;
    }

    public WeightHistory {
        weights = List.copyOf(weights);
        gradients = List.copyOf(gradients);
        if (schedule == null) schedule = TrainingSchedule.NONE;
    }

    public int records() {
        return steps.length;
    }

    public boolean hasGradients() {
        return !gradients.isEmpty();
    }

    /** Checks every header: each layer (and gradient) holds exactly members × records matrices. */
    WeightHistory checked() throws IOException {
        long expected = (long) members * records();
        List<WeightSeries> all = new ArrayList<>(weights);
        all.addAll(gradients);
        for (WeightSeries s : all) {
            long found = s.checkHeaders();
            if (found != expected) {
                ArraySource first = s.parts().get(0);
                throw new ScenarioException(first.file(), s.name(), "ragged: " + found + " matrices where " + members
                        + " member(s) × " + records() + " records = " + expected + " were expected");
            }
        }
        if (loss != null && loss.length != expected) {
            throw new ScenarioException(source, "loss", "has " + loss.length + " values for " + expected + " records");
        }
        if (loss != null) {
            for (int i = 0; i < loss.length; i++) {
                if (!Double.isFinite(loss[i])) throw new ScenarioException(source, "loss", "value " + i + " is " + loss[i]);
            }
        }
        for (int r = 1; r < steps.length; r++) {
            if (steps[r] <= steps[r - 1]) {
                throw new ScenarioException(source, "step", "steps must increase, but record " + r + " has step " + steps[r]
                        + " after " + steps[r - 1]);
            }
        }
        if (steps.length > 0 && steps[0] < 0) throw new ScenarioException(source, "step", "a negative step " + steps[0]);
        return this;
    }

    @Override
    public void check(Runnable each) throws IOException {
        read((member, record, step, l, w, g) -> each.run());
    }

    /**
     * Per record the eigenvalues of WᵀW per layer, a gradient record when gradients or losses were
     * saved, and every layer's random distance.
     */
    @Override
    public void record(RecordSink sink) throws IOException {
        boolean gradientRecords = hasGradients() || loss != null;
        read((member, record, step, l, w, g) -> sink.accept(member, record, LayeredRecord.snapshot(step, w),
                gradientRecords ? LayeredRecord.gradient(step, l, w, g) : null, LayeredRecord.distances(step, member, w)));
    }

    /** Reads every record, member after member, holding one record's matrices at a time. */
    public void read(RecordVisitor visitor) throws IOException {
        List<SeriesCursor> w = new ArrayList<>();
        List<SeriesCursor> g = new ArrayList<>();
        try {
            for (WeightSeries s : weights) w.add(new SeriesCursor(s));
            for (WeightSeries s : gradients) g.add(new SeriesCursor(s));
            for (int m = 0; m < members; m++) {
                for (int r = 0; r < records(); r++) {
                    DMatrixRMaj[] ws = new DMatrixRMaj[w.size()];
                    for (int l = 0; l < ws.length; l++) ws[l] = w.get(l).next();
                    DMatrixRMaj[] gs = new DMatrixRMaj[g.size()];
                    for (int l = 0; l < gs.length; l++) gs[l] = g.get(l).next();
                    visitor.visit(m, r, steps[r], loss == null ? Double.NaN : loss[m * records() + r], ws, gs);
                }
            }
        } finally {
            for (SeriesCursor c : w) c.close();
            for (SeriesCursor c : g) c.close();
        }
    }
}
