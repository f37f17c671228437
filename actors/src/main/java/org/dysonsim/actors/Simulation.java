package org.dysonsim.actors;

import org.dysonsim.persistence.FatalErrorActorSystem;
import org.dysonsim.persistence.SystemShutdown;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;

/**
 * The engine's entry point: one actor system ("dyson") that runs ensembles of Coulomb-gas
 * members on typed actors. Calls block until the run is done; a run never hangs (every request
 * has a timeout, every member a stall watchdog) and a failure is one line in
 * {@link RunResult#failure()}.
 */
public final class Simulation implements AutoCloseable {
    private final ActorSystem<Void> system;
    private final EngineSettings settings;
    private final boolean ownsSystem;
    private final AtomicLong runs = new AtomicLong();

    /** Creates the actor system from {@code config}, falling back to application.conf and the defaults. */
    public Simulation(Config config) {
        // Overrides first, resolve last, so substitutions in the defaults see the overrides.
        Config full = config.withFallback(ConfigFactory.defaultApplication())
                .withFallback(ConfigFactory.defaultReference()).resolve();
        this.system = FatalErrorActorSystem.start("dyson", full);
        this.settings = EngineSettings.from(full);
        this.ownsSystem = true;
    }

    /**
     * Runs on an actor system that already exists, e.g. a cluster node's; {@link #close()} leaves
     * it running.
     */
    public Simulation(ActorSystem<Void> system) {
        this.system = system;
        this.settings = EngineSettings.from(system.settings().config());
        this.ownsSystem = false;
    }

    /** The actor system runs execute on, e.g. to prepare the journal before the first run. */
    public ActorSystem<Void> system() {
        return system;
    }

    /** Runs every member from its initial spectrum. */
    public RunResult run(RunSpec spec, RecorderFactory recorders, RunListener listener) {
        return execute(spec, recorders, listener, false);
    }

    /** Continues each member from its recorder's last snapshot; completed members are not re-run. */
    public RunResult resume(RunSpec spec, RecorderFactory recorders, RunListener listener) {
        return execute(spec, recorders, listener, true);
    }

    private RunResult execute(RunSpec spec, RecorderFactory recorders, RunListener listener, boolean resume) {
        String invalid = invalid(spec);
        if (invalid != null) return new RunResult(spec, List.of(), invalid);
        return simulate(spec, recorders, listener, resume).readBack(spec, recorders);
    }

    private RunOutcome simulate(RunSpec spec, RecorderFactory recorders, RunListener listener, boolean resume) {
        CompletableFuture<RunOutcome> result = new CompletableFuture<>();
        // If the system goes down mid-run nothing else would answer.
        system.getWhenTerminated().thenRun(() -> result.complete(RunOutcome.failed("the actor system shut down during the run")));
        try {
            CompletableFuture<RunOutcome> outcome = new CompletableFuture<>();
            system.systemActorOf(RunGuardian.create(
                    Ensemble.create(spec, recorders, listener == null ? RunListener.NONE : listener, resume, settings,
                            outcome),
                    outcome, result), "run-" + runs.incrementAndGet(), Props.empty());
        } catch (IllegalStateException e) {
            return RunOutcome.failed("the actor system shut down during the run");
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RunOutcome.failed("interrupted while waiting for the run");
        } catch (ExecutionException e) {
            return RunOutcome.failed(OneLine.of(e.getCause()));
        }
    }

    private static String invalid(RunSpec spec) {
        if (spec.members() < 1) return "ensemble.members must be at least 1, got " + spec.members();
        if (spec.blockSize() < 0) return "blocks.size must be 0 (automatic) or more, got " + spec.blockSize();
        if (spec.recordEvery() < 1) return "record-every must be at least 1, got " + spec.recordEvery();
        if (spec.steps() < 0) return "steps must not be negative, got " + spec.steps();
        if (!(spec.dt() > 0) || Double.isInfinite(spec.dt())) return "dt must be positive and finite, got " + spec.dt();
        return null;
    }

    /** Stops the actor system and waits for it. */
    @Override
    public void close() {
        if (ownsSystem) SystemShutdown.await(system);
    }
}
