package org.dysonsim.persistence;

import com.typesafe.config.Config;
import org.apache.pekko.actor.ActorSystemImpl;
import org.apache.pekko.actor.LightArrayRevolverScheduler;
import org.apache.pekko.actor.Props;
import org.apache.pekko.actor.Scheduler;
import org.apache.pekko.actor.setup.ActorSystemSetup;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.event.LoggingAdapter;
import scala.Option;
import scala.concurrent.ExecutionContext;

/**
 * An actor system whose threads hand a JVM error (out of memory, stack overflow) to the process's
 * default uncaught-exception handler, when the process has one, instead of to Pekko's.
 *
 * <p>Every thread Pekko starts (each dispatcher's, pinned or pooled, and the scheduler's) gets the
 * handler of its actor system ({@code ActorSystemImpl.uncaughtExceptionHandler}). For a JVM error
 * that handler prints a stack trace and exits with 255 ({@code pekko.jvm-exit-on-fatal-error}),
 * which no configuration turns into a one-line message: off, it still prints the trace and only
 * stops the actor system, leaving the process running without it. Threads Pekko does not start (the
 * JDBC pool's, the run lock's) already use the default handler, so with this actor system a
 * process that installs one ends the same way whatever thread ran out. (H2 catches an error in its
 * own work and reports it as an SQL error, out of memory as code 90108, to the statement's caller.)
 * Any other uncaught failure, and every failure in a process without a default handler (the
 * tests), still goes to Pekko.
 *
 * <p>The guardian is classic and empty, as the typed {@code Behaviors.empty()} guardian every
 * system of this project has: actors are started with {@code systemActorOf}.
 */
public final class FatalErrorActorSystem {

    private FatalErrorActorSystem() {}

    /** Starts an actor system named {@code name} on {@code config} (over Pekko's reference settings). */
    public static ActorSystem<Void> start(String name, Config config) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Classic classic = new Classic(name, config, loader != null ? loader : FatalErrorActorSystem.class.getClassLoader());
        classic.start();
        return Adapter.toTyped(classic);
    }

    private static final class Classic extends ActorSystemImpl {
        Classic(String name, Config config, ClassLoader classLoader) {
            super(name, config, classLoader, Option.<ExecutionContext>empty(), Option.<Props>empty(), ActorSystemSetup.empty());
        }

        /**
         * Pekko's scheduler, whose log leaves out a JVM error on its thread that the process's
         * handler reports: the scheduler logs such an error and then rethrows it to its thread's
         * handler, which would make two messages of one.
         */
        @Override
        public Scheduler createScheduler() {
            if (!LightArrayRevolverScheduler.class.getName().equals(settings().SchedulerClass())) {
                return super.createScheduler();
            }
            return new LightArrayRevolverScheduler(settings().config(), new SchedulerLog(log()),
                    threadFactory().withName(threadFactory().name() + "-scheduler"));
        }

        /** Called while Pekko builds its thread factory, so it uses no field of this class. */
        @Override
        public Thread.UncaughtExceptionHandler uncaughtExceptionHandler() {
            Thread.UncaughtExceptionHandler pekko = super.uncaughtExceptionHandler();
            return (thread, failure) -> {
                Thread.UncaughtExceptionHandler process = Thread.getDefaultUncaughtExceptionHandler();
                if (failure instanceof VirtualMachineError && process != null) {
                    process.uncaughtException(thread, failure);
                } else {
                    pekko.uncaughtException(thread, failure);
                }
            };
        }
    }

    /** {@code log}, without the JVM errors the process's handler reports. */
    private record SchedulerLog(LoggingAdapter log) implements LoggingAdapter {
        @Override public boolean isErrorEnabled() { return log.isErrorEnabled(); }
        @Override public boolean isWarningEnabled() { return log.isWarningEnabled(); }
        @Override public boolean isInfoEnabled() { return log.isInfoEnabled(); }
        @Override public boolean isDebugEnabled() { return log.isDebugEnabled(); }
        @Override public void notifyError(String message) { log.error(message); }
        @Override public void notifyWarning(String message) { log.warning(message); }
        @Override public void notifyInfo(String message) { log.info(message); }
        @Override public void notifyDebug(String message) { log.debug(message); }

        @Override
        public void notifyError(Throwable cause, String message) {
            if (!(cause instanceof VirtualMachineError && Thread.getDefaultUncaughtExceptionHandler() != null)) {
                log.error(cause, message);
            }
        }
    }
}
