package org.dysonsim.persistence;

/**
 * What {@code dyson export --what gradients} writes.
 *
 * @param members     the members to export, null for all
 * @param fromStep    the first nominal step exported
 * @param overwrite   whether existing output files may be replaced
 * @param layerCounts how many singular values each layer contributes to a gradient record, in
 *                    layer order (a layered run), or null for a run of one weight matrix (layer 0)
 */
public record GradientExportOptions(ExportFormat format, MemberRange members, long fromStep, boolean overwrite, int[] layerCounts) {}
