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

    /** Every column, its rows ordered by column {@code key} ascending (rows measured out of order, drawn in order). */
    double[][] sortedBy(int key) {
        Integer[] order = new Integer[rows];
        for (int i = 0; i < rows; i++) order[i] = i;
        Arrays.sort(order, java.util.Comparator.comparingDouble(i -> columns[key][i]));
        double[][] out = new double[columns.length][rows];
        for (int c = 0; c < columns.length; c++) {
            for (int i = 0; i < rows; i++) out[c][i] = columns[c][order[i]];
        }
        return out;
    }

    /** Column {@code c}, oldest first (a copy). */
    double[] column(int c) {
        return Arrays.copyOf(columns[c], rows);
    }
}
