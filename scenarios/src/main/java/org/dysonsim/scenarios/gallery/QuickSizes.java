package org.dysonsim.scenarios.gallery;

import java.util.List;
import java.util.Map;

/**
 * Per shipped scenario, the {@code --set} overrides that make it quick (few members and steps,
 * two members of step-size error control) while keeping every kind of comparison it reports:
 * the sizes of {@code dyson gallery --quick}, and those the golden records are taken at.
 */
public final class QuickSizes {
    private QuickSizes() {}

    public static final Map<String, List<String>> ALL = Map.ofEntries(
            Map.entry("pure-dyson", List.of("ensemble.members=4", "steps=100", "record-every=25", "error-control.members=2")),
            Map.entry("large-n-edge", List.of("n=256", "ensemble.members=8", "error-control.members=2")),
            Map.entry("edge-scaling", List.of("sweep.n=[32,64,128]", "ensemble.members=8", "error-control.members=2")),
            Map.entry("quickstart", List.of("ensemble.members=4", "steps=100", "error-control.members=2")),
            Map.entry("rbm-pcd-scaling", List.of("ensemble.members=3", "steps=200", "record-every=50", "data.size=1000")),
            Map.entry("rbm-pcd", List.of("ensemble.members=3", "steps=300", "record-every=50", "data.size=1000")),
            Map.entry("rbm-scalar-field", List.of("ensemble.members=4", "steps=200", "error-control.members=2")),
            Map.entry("teacher-student", List.of("ensemble.members=3", "steps=200", "data.size=256")),
            Map.entry("wigner-pairs", List.of("ensemble.members=8", "steps=600", "record-every=100", "error-control.members=2")),
            Map.entry("wishart-bru", List.of("ensemble.members=6", "steps=100", "error-control.members=2")),
            Map.entry("wishart-gamma", List.of("ensemble.members=6", "steps=240", "record-every=20", "error-control.members=2")),
            Map.entry("wishart-noise", List.of("ensemble.members=4", "steps=100")),
            Map.entry("mlp-fashion", List.of("steps=20", "record-every=10", "network.widths=[784, 32, 10]",
                    "network.test-size=200")),
            Map.entry("mlp-fashion-sweep", List.of("steps=10", "record-every=5", "network.widths=[784, 16, 10]",
                    "network.test-size=100")));

    /** The overrides of shipped scenario {@code name}; none for a scenario without quick sizes. */
    static List<String> of(String name) {
        return ALL.getOrDefault(name, List.of());
    }
}
