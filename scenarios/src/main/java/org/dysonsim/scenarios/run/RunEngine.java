package org.dysonsim.scenarios.run;

import org.dysonsim.actors.RunListener;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;

/** Runs resolved scenarios. One engine serves every run of a study, then is closed. */
public interface RunEngine extends AutoCloseable {

    /** Runs every member to the end or to the first failure, which the result then carries. */
    RunResult run(RunSpec spec, RunListener listener);

    /** Continues every member from its last recorded snapshot; members already completed are not re-run. */
    RunResult resume(RunSpec spec, RunListener listener);

    @Override
    void close();
}
