package org.dysonsim.scenarios.run;

import java.util.List;
import org.dysonsim.actors.RunListener;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;

/** Runs resolved scenarios. One engine serves every run of a study, then is closed. */
public interface RunEngine extends AutoCloseable {

    /** Runs every member to the end or to the first failure, which the result then carries. */
    RunResult run(RunSpec spec, RunListener listener);

    /** Continues every member from its last recorded snapshot; members already completed are not re-run. */
    RunResult resume(RunSpec spec, RunListener listener);

    /**
     * Runs, or with {@code resume} continues, the h/2 companion of a run
     * ({@link org.dysonsim.scenarios.ErrorControl#companion}), recorded apart from the run's members.
     * An engine that cannot record companions answers with a failure.
     */
    default RunResult runFine(RunSpec companion, RunListener listener, boolean resume) {
        return new RunResult(companion, List.of(), "this engine does not run step-size companions");
    }

    @Override
    void close();
}
