package org.dysonsim.scenarios.importing;

import java.io.IOException;
import org.ejml.data.DMatrixRMaj;
import org.dysonsim.scenarios.config.ScenarioException;

/** Reads a {@link WeightSeries} matrix by matrix, part after part, refusing NaN and Inf. */
final class SeriesCursor implements AutoCloseable {
    private final WeightSeries series;
    private int part = -1;
    private MatrixCursor current;
    private long read;

    SeriesCursor(WeightSeries series) {
        this.series = series;
    }

    /** The next matrix; every entry finite. */
    DMatrixRMaj next() throws IOException {
        while (current == null || read == current.matrices()) {
            if (current != null) current.close();
            part++;
            ArraySource source = series.parts().get(part);
            current = MatrixCursor.open(source, source.header());
            read = 0;
        }
        DMatrixRMaj m = current.next();
        for (int k = 0; k < m.data.length; k++) {
            if (!Double.isFinite(m.data[k])) {
                ArraySource source = series.parts().get(part);
                throw new ScenarioException(source.file(), source.name(), (Double.isNaN(m.data[k]) ? "NaN" : "Inf")
                        + " at matrix " + read + ", row " + k / m.numCols + ", column " + k % m.numCols);
            }
        }
        read++;
        return m;
    }

    @Override
    public void close() throws IOException {
        if (current != null) current.close();
    }
}
