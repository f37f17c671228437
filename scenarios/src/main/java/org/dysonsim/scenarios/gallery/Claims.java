package org.dysonsim.scenarios.gallery;

import java.util.List;
import org.dysonsim.scenarios.gallery.Claim.Source;

/**
 * The claims {@code dyson gallery} shows, in page order. The {@code --quick} sizes are those
 * the golden records use (GoldenScenariosTest): small, yet every comparison still gets a verdict.
 */
public final class Claims {
    private Claims() {}

    private static final List<String> WIGNER_QUICK = QuickSizes.of("wigner-pairs");

    private static final List<String> SCALING_QUICK = QuickSizes.of("rbm-pcd-scaling");

    /**
     * Not the golden records' size (20 steps, before any layer has moved): 300 steps of a 784-64-32-10
     * network, the least at which every layer has left MP (fc1–fc3: fitted area 0.85, 0.86, 0.78;
     * 11, 3 and 1 eigenvalues beyond the edge), about 30 s.
     */
    private static final List<String> NETWORK_QUICK = List.of("steps=300", "record-every=100",
            "network.widths=[784,64,32,10]", "network.test-size=200"); // no spaces: the command shown is pasted into a shell

    public static final List<Claim> ALL = List.of(
            new Claim("wigner-surmise", "A degenerate pair of levels held in one well repels: its spacing over √πσ"
                    + " follows the Wigner surmise (β = 1), with σ² = g²/Ω.", "wigner-pairs", Source.REPORT,
                    List.of("pair spacing / √πσ (all pairs)"), "spacings", WIGNER_QUICK),
            new Claim("two-mode-density", "Two levels in one well have the two-mode density ρ, and its Binder-type"
                    + " cumulant about the centre is −4/27.", "wigner-pairs", Source.REPORT,
                    List.of("two-mode density", "Binder cumulant"), "overlay-1-", WIGNER_QUICK),
            new Claim("linear-scaling", "At matrix level (an RBM trained by PCD), the variance of the eigenvalues of"
                    + " WᵀW across members is one straight line in α/|B| through the origin: σ² ∝ α/|B|.",
                    "rbm-pcd-scaling", Source.STUDY, List.of("comparison", "linearity"), "scaling.png",
                    SCALING_QUICK),
            new Claim("matrix-vs-particles", "In the same sweep, each eigenvalue of WᵀW of the trained matrix has the law"
                    + " of its particle companion (the Coulomb gas it maps onto), and the degenerate-pair spacings follow"
                    + " the Wigner surmise at both levels.", "rbm-pcd-scaling", Source.REPORT,
                    List.of("mode ", "degenerate-pair spacing / mean (matrix)", "degenerate-pair spacing / mean (particles)"),
                    "companion-spacings", SCALING_QUICK),
            new Claim("wishart-bru", "Under pure SGD noise (zero gradient) the squared singular values form a Wishart"
                    + " process in Bru's form: the mean level grows at the exact matrix rate 2ηD·m and the density"
                    + " follows the time-dependent Marchenko–Pastur law.", "wishart-bru", Source.REPORT,
                    List.of("mean level grows at the exact matrix rate", "time-dependent Marchenko–Pastur"), "mean",
                    QuickSizes.of("wishart-bru")),
            new Claim("marchenko-pastur", "A Gaussian weight matrix starts with the Marchenko–Pastur law of its"
                    + " squared singular values.", "quickstart", Source.REPORT, List.of("Marchenko–Pastur"),
                    "overlay-1-", QuickSizes.of("quickstart")),
            new Claim("free-convolution", "Pure Dyson Brownian motion carries the initial law into its free convolution"
                    + " with a semicircle of variance N g² t.", "pure-dyson", Source.REPORT,
                    List.of("free convolution with a semicircle"), "overlay-2-",
                    QuickSizes.of("pure-dyson")),
            new Claim("gamma-law", "In the mean-field model (Olsen et al., Thm 3.2) each squared singular value is a"
                    + " square-root diffusion that follows the exact CIR law and relaxes to a gamma law.",
                    "wishart-gamma", Source.REPORT, List.of("exact CIR transition law", "stationary gamma law"),
                    "overlay-3-", QuickSizes.of("wishart-gamma")),
            new Claim("teacher-student", "A linear student learning a teacher by minibatch SGD: the forecast band of its"
                    + " top singular values (Bru's process) covers the recorded trajectory.", "teacher-student",
                    Source.REPORT, List.of("forecast band"), "forecast-band",
                    QuickSizes.of("teacher-student")),
            new Claim("network-leaves-mp", "A real network leaves the Marchenko–Pastur law as it learns: every layer of"
                    + " a perceptron trained on Fashion-MNIST ends with eigenvalues of WᵀW beyond the edge of the MP law"
                    + " fitted to its bulk, and that law keeps less than all of the spectral weight (area below 1).",
                    "mlp-fashion", Source.LAYERS, List.of("mp_area < 1", "outliers_per_spectrum > 0"),
                    "network-fc1-final", NETWORK_QUICK));
}
