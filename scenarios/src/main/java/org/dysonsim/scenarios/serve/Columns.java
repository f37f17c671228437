package org.dysonsim.scenarios.serve;

import java.util.Arrays;

/** Rows of a fixed number of numbers, appended one at a time and read back as columns (the live charts' series). */
final class Columns {
    private double[][] columns;
    private int rows;

    Columns(int count) {
        columns = new double[count][16];
    }

    void add(double... row) {
        if (rows == columns[0].length) {
            for (int c = 0; c < columns.length; c++) columns[c] = Arrays.copyOf(columns[c], 2 * rows);
        }
        for (int c = 0; c < columns.length; c++) columns[c][rows] = row[c];
        rows++;
    }

    int rows() {
        return rows;
    }

    /** Column {@code c}, oldest first (a copy). */
    double[] column(int c) {
        return Arrays.copyOf(columns[c], rows);
    }
}
