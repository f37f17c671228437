package org.dysonsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.gas.CirModel;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.ParticleModel;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.gas.Wall;
import org.dysonsim.physics.init.InitialSpectrum;
import org.junit.jupiter.api.Test;

/** Which runs get an h/2 companion, and what it is. */
class ErrorControlPlanTest {
    private static final GasModel GAS = new GasModel(new double[] {1, 1}, new double[] {1, 1}, new double[2], new Drift.Zero(),
            Wall.NONE, Wall.NONE);

    private static RunSpec spec(ParticleModel model, int errorControlMembers, int members) {
        return spec(model, new RunSpec.Mapping.Direct(), errorControlMembers, members);
    }

    private static RunSpec spec(ParticleModel model, RunSpec.Mapping mapping, int errorControlMembers, int members) {
        return new RunSpec("r", "s", "", model, new InitialSpectrum.Explicit(new double[] {0, 1}),
                StepSizeRule.adaptive(0.01, 12), 0.01, 100, 10, 7, members, new RunSpec.Placement(64, 1),
                RunSpec.Coordinates.EIGENVALUES, mapping, new RunSpec.Checks(new String[0], errorControlMembers));
    }

    @Test
    void theCompanionIsTheFirstMembersWithEveryStepHalved() {
        RunSpec run = spec(GAS, 8, 20);
        assertEquals(ErrorControl.Mode.CHECKED, ErrorControl.plan(run).mode());
        RunSpec fine = ErrorControl.companion(run).orElseThrow();
        assertEquals(8, fine.members());
        assertEquals(run.rule().refined(), fine.rule());
        assertEquals(run.runId(), fine.runId());
        assertEquals(run.seed(), fine.seed());
        assertEquals(run.dt(), fine.dt());
        assertEquals(run.steps(), fine.steps());
        assertEquals(run.placement(), fine.placement());
        assertEquals(3, ErrorControl.companion(spec(GAS, 8, 3)).orElseThrow().members(),
                "at most the run's members");
    }

    @Test
    void modesFollowTheModel() {
        assertEquals(ErrorControl.Mode.INFORMATION, ErrorControl.plan(spec(GAS, new RunSpec.Mapping.Sgd(0.01, 2), 4, 10)).mode());
        assertEquals(ErrorControl.Mode.CHECKED, ErrorControl.plan(spec(GAS, 4, 10)).mode());
        assertEquals(ErrorControl.Mode.EXACT, ErrorControl.plan(spec(new CirModel(2, 1, 1, 0.1), 4, 10)).mode());
        assertTrue(ErrorControl.companion(spec(new CirModel(2, 1, 1, 0.1), 4, 10)).isEmpty());
        assertEquals(ErrorControl.Mode.OFF, ErrorControl.plan(spec(GAS, 0, 10)).mode());
        assertEquals(ErrorControl.Mode.OFF, ErrorControl.plan(spec(GAS, 4, 1)).mode(), "one member has no statistical tolerance");
        RunSpec withoutScenario = new RunSpec("r", "s", "error-control.members = 4", GAS, new InitialSpectrum.Explicit(new double[] {0, 1}),
                StepSizeRule.fixed(), 0.01, 100, 10, 7, 10, 64, RunSpec.Coordinates.EIGENVALUES);
        assertEquals(ErrorControl.Mode.OFF, ErrorControl.plan(withoutScenario).mode(),
                "a spec built without the scenario reader asks for nothing, whatever its text says");
    }
}
