package org.dysonsim.scenarios.cli;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.Stack;
import org.dysonsim.scenarios.serve.RunServer;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code dyson run ... --serve [P]}: serves the data directory as {@code dyson serve} does while
 * the run runs, so its live page can be opened without a second command, and stops when the run
 * (every run of a sweep) has written its report.
 */
final class ServeOption {
    /** The port of {@code dyson serve} and of {@code --serve} given without one. */
    static final int DEFAULT_PORT = 8080;

    @Option(names = "--serve", arity = "0..1", paramLabel = "P", parameterConsumer = PortOrNothing.class,
            description = "serve the data directory on 127.0.0.1:P (default " + DEFAULT_PORT + "; 0: any free port) while"
                    + " the run runs, print each run's live page on stderr; serving stops when the run ends")
    Integer port;

    /**
     * Takes the next argument as the port only when it is a number, so that {@code --serve} may
     * stand before the scenario ({@code dyson run --serve scenarios/quickstart.conf}).
     */
    static final class PortOrNothing implements IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, ArgSpec option, CommandSpec command) {
            if (args.isEmpty() || !args.peek().matches("\\d+")) {
                option.setValue(DEFAULT_PORT);
                return;
            }
            String port = args.pop();
            if (port.length() > 5) throw new ParameterException(command.commandLine(), "--serve: " + port + " is not a TCP port (0 to 65535)");
            option.setValue(Integer.parseInt(port));
        }
    }

    /** Checks the port before anything is created. */
    void check() {
        if (port != null) checkPort("--serve", port);
    }

    /** The server on the data directory, or null without {@code --serve}. */
    RunServer start(Path dataDir, Config journalOverrides) {
        return port == null ? null : listen("--serve", dataDir, journalOverrides, port);
    }

    static void checkPort(String option, int port) {
        if (port < 0 || port > 65535) throw new BadInputException(option + ": " + port + " is not a TCP port (0 to 65535)");
    }

    /** A server on 127.0.0.1:{@code port}; a port that cannot be listened on is bad input of {@code option}. */
    static RunServer listen(String option, Path dataDir, Config journalOverrides, int port) {
        checkPort(option, port);
        try {
            return RunServer.start(dataDir, journalOverrides, ServeCommand.HOST, port);
        } catch (RunServer.ServeException e) {
            throw new BadInputException(option + ": " + e.getMessage());
        }
    }
}
