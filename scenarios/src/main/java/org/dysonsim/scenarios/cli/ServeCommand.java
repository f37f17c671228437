package org.dysonsim.scenarios.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.dysonsim.scenarios.serve.RunServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dyson serve}: the data directory's runs, their reports and live views in a browser, until Ctrl-C. Reads only. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the data directory's runs in a browser on 127.0.0.1: their status, reports, and a live view"
                + " of running runs (progress, a member's or layer's spectrum under its law, its distance to theory,"
                + " a network's losses and accuracy). Reads only; stop with Ctrl-C.")
final class ServeCommand implements Callable<Integer> {
    static final String HOST = "127.0.0.1";

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    @Mixin
    JournalOptions journal;

    @Option(names = "--port", paramLabel = "P", defaultValue = "" + ServeOption.DEFAULT_PORT,
            description = "TCP port on 127.0.0.1 (0: any free port; default: ${DEFAULT-VALUE})")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        RunServer server = ServeOption.listen("--port", dataDir.path(), journal.overrides(), port);
        PrintWriter out = spec.commandLine().getOut();
        out.println("serving " + dataDir.path() + " at " + server.url());
        out.flush();
        Interruption.during("stopped serving " + dataDir.path());
        new CountDownLatch(1).await(); // until Ctrl-C, which ends the process
        return Main.OK;
    }
}
