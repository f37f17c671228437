package org.dysonsim.scenarios;

import java.util.Optional;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.gas.CirModel;
import org.dysonsim.physics.gas.MatrixModel;

/**
 * Step-size error control of a run (docs/physics.md §2): the first {@code error-control.members}
 * members are run a second time one refinement level finer (every step halved), with the same
 * seed and member ids, so their Brownian paths are the bridge refinements of the run's own
 * (coupled noise). The companion is recorded under the run's fine persistence ids; the report
 * compares each key statistic's coupled difference with a quarter of its statistical tolerance.
 */
public final class ErrorControl {
    /** What error control does for a run ({@link RunSpec.Checks#errorControlMembers()}, the key {@code error-control.members}). */
    public enum Mode {
        /** No companion members asked for. */
        OFF,
        /** The companion runs and its differences are verdicts of the report. */
        CHECKED,
        /** The step is part of the model (SGD: the step is α): the difference is reported, not judged. */
        INFORMATION,
        /** The dynamics is sampled exactly (CIR): there is no step bias and no companion. */
        EXACT
    }

    /** @param members companion members (0 unless CHECKED or INFORMATION); reason: the mode in words */
    public record Plan(Mode mode, int members, String reason) {
        public boolean runsCompanion() {
            return members > 0;
        }
    }

    private ErrorControl() {}

    public static Plan plan(RunSpec spec) {
        int requested = spec.checks().errorControlMembers();
        if (requested <= 0) return new Plan(Mode.OFF, 0, "error-control.members = 0: no companion run at h/2");
        if (spec.model() instanceof CirModel) {
            return new Plan(Mode.EXACT, 0, "the CIR transition is sampled exactly (docs/physics.md §2): no step bias,"
                    + " so no companion run");
        }
        if (spec.model() instanceof MatrixModel) {
            return new Plan(Mode.OFF, 0, "a matrix-level run has no step to halve: its step is the learning rate and its"
                    + " noise the minibatch's own");
        }
        if (spec.members() < 2) {
            return new Plan(Mode.OFF, 0, "a single member has no statistical tolerance to hold a step bias against");
        }
        int members = Math.min(requested, spec.members());
        if (spec.mapping() instanceof RunSpec.Mapping.Sgd) {
            return new Plan(Mode.INFORMATION, members, "model = sgd: the step is α by definition, so the difference"
                    + " to α/2 is the distance to the continuum SDE, reported for information");
        }
        return new Plan(Mode.CHECKED, members, members + " members rerun at h/2 on the same Brownian paths;"
                + " each statistic's bias must stay below a quarter of its statistical tolerance (docs/physics.md §2)");
    }

    /** The companion run: the first members of the run with every step halved; empty when the plan runs none. */
    public static Optional<RunSpec> companion(RunSpec spec) {
        Plan plan = plan(spec);
        if (!plan.runsCompanion()) return Optional.empty();
        return Optional.of(spec.withRuleAndMembers(spec.rule().refined(), plan.members()));
    }
}
