package org.dysonsim.scenarios.cli;

import com.typesafe.config.Config;
import java.util.concurrent.ThreadFactory;
import org.apache.pekko.dispatch.DispatcherPrerequisites;
import org.apache.pekko.dispatch.ExecutorServiceConfigurator;
import org.apache.pekko.dispatch.ExecutorServiceFactory;
import org.apache.pekko.dispatch.ForkJoinExecutorConfigurator;
import org.apache.pekko.dispatch.MonitorableThreadFactory;

/**
 * The executor of the command line's Pekko dispatchers ({@code dyson-cli.conf}): Pekko's
 * fork-join executor configured by the dispatcher's {@code fork-join-executor} section, whose
 * threads end the process with one line and exit code 1 when a JVM error (out of memory, stack
 * overflow) escapes an actor ({@link FatalErrors}), where Pekko would print its stack trace and
 * exit with 255. Any other uncaught failure still goes to Pekko's own handler.
 */
public final class FatalErrorExecutor extends ExecutorServiceConfigurator {
    private final ExecutorServiceConfigurator forkJoin;

    public FatalErrorExecutor(Config config, DispatcherPrerequisites prerequisites) {
        super(config, prerequisites);
        this.forkJoin = new ForkJoinExecutorConfigurator(config.getConfig("fork-join-executor"), prerequisites);
    }

    @Override
    public ExecutorServiceFactory createExecutorServiceFactory(String id, ThreadFactory threadFactory) {
        if (threadFactory instanceof MonitorableThreadFactory pekko) {
            threadFactory = pekko.copy(pekko.name(), pekko.daemonic(), pekko.contextClassLoader(),
                    FatalErrors.handler(pekko.exceptionHandler()), pekko.counter());
        }
        return forkJoin.createExecutorServiceFactory(id, threadFactory);
    }
}
