package org.dysonsim.scenarios.cli;

import picocli.CommandLine.Option;

/** {@code --check}, shared by run, resume and replay (mix it in with {@code @Mixin}). */
public final class CheckOption {
    @Option(names = "--check", description = "exit with 3 when a comparison of the report fails (an inconclusive one does not)")
    boolean check;

    /** The exit code of a run that ran to its end and whose report has {@code verdict}. */
    int exit(RunVerdict verdict) {
        return check && verdict.failed() > 0 ? Main.CHECK_FAILED : Main.OK;
    }

    /** The exit code of a study of several runs: a failure while running outweighs a failed comparison. */
    static int worse(int a, int b) {
        return a == Main.FAILED || b == Main.FAILED ? Main.FAILED : Math.max(a, b);
    }
}
