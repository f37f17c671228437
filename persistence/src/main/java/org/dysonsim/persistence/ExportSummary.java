package org.dysonsim.persistence;

import java.nio.file.Path;
import java.util.List;

/**
 * What an export wrote.
 *
 * @param files   the files written (for NPY: values, times, steps)
 * @param members members exported
 * @param records records (snapshots) exported per member, the largest over members
 * @param n       values per record (eigenvalues)
 * @param values  values written, not counting NPY padding
 */
public record ExportSummary(List<Path> files, int members, long records, int n, long values) {}
