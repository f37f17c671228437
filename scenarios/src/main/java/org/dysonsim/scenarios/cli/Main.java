package org.dysonsim.scenarios.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Supplier;
import org.dysonsim.persistence.JournalException;
import org.dysonsim.scenarios.config.ScenarioException;
import org.dysonsim.scenarios.config.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code dyson} command. Exit codes: 0 success, 2 bad input (usage, scenario, parameters),
 * 1 failure while running, 3 a comparison failed ({@code --check}), 130 interrupted by SIGINT (Ctrl-C), 143 by SIGTERM ({@link Interruption};
 * {@code dyson node} instead leaves its cluster on either signal). A subcommand is a picocli {@code @Command} class in this package,
 * registered in {@link #SUBCOMMANDS}; it signals bad input by throwing {@link ScenarioException},
 * {@link BadInputException} or {@link JournalException} (one line each) and a failed run by
 * returning {@link #FAILED}.
 */
@Command(name = "dyson", mixinStandardHelpOptions = true, version = "dysonsim 0.1.0",
        description = "Simulate the stochastic Coulomb gas of weight-matrix eigenvalues.")
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;
    /** A report's comparison failed and the command was given {@code --check}. */
    public static final int CHECK_FAILED = 3;

    /** Every subcommand, in the order --help lists them. */
    static final List<Supplier<Object>> SUBCOMMANDS = List.of(RunCommand::new, ResumeCommand::new, ListCommand::new, ExportCommand::new,
            ImportCommand::new, ReplayCommand::new, NodeCommand::new, TailCommand::new, ServeCommand::new, GalleryCommand::new);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    public static void main(String[] args) {
        // first: a heap too small even to start logging ends with the one line too
        FatalErrors.installDefault();
        System.setProperty("java.awt.headless", "true");
        // Initialise logging before actor threads start logging concurrently (else SLF4J replays and warns).
        org.slf4j.LoggerFactory.getILoggerFactory();
        if (args.length == 0 || !args[0].equals("node")) Interruption.install();
        System.exit(execute(commandLine(), args));
    }

    /**
     * Runs the command line; a JVM {@link Error} (out of memory, stack overflow) that reaches
     * here is one line on stderr and exit code 1, never a stack trace.
     */
    static int execute(CommandLine cl, String... args) {
        try {
            return cl.execute(args);
        } catch (Error e) {
            return fatal(cl.getErr(), e);
        }
    }

    /** One line for a JVM error, thrown here or carried as the cause of a failed run's exception. */
    private static int fatal(PrintWriter err, Error e) {
        err.println("dyson: " + TerminalText.oneLine(fatalLine(e)));
        err.flush();
        return FAILED;
    }

    /** What a JVM error means for the user, without the "dyson: " prefix. */
    static String fatalLine(Error e) {
        return e instanceof OutOfMemoryError ? "out of memory (" + e.getMessage()
                + "); give the JVM more with DYSON_JAVA_OPTS=-Xmx... or make the scenario smaller"
                : e instanceof StackOverflowError ? "stack overflow (input nested too deeply?)" : "fatal error: " + e;
    }

    /** The configured command line; tests call {@code execute} on it with their own writers. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        for (Supplier<Object> sub : SUBCOMMANDS) cl.addSubcommand(sub.get());
        ReplayCommand.listPredictions(cl.getSubcommands().get("replay"));
        cl.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("dyson: " + TerminalText.oneLine(e.getMessage()) + " (see "
                    + e.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            err.flush();
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof ScenarioException s) {
                err.println(s.line());
                err.flush();
                return BAD_INPUT;
            }
            if (e instanceof BadInputException || e instanceof JournalException) {
                err.println("dyson: " + TerminalText.oneLine(e.getMessage()));
                err.flush();
                return BAD_INPUT;
            }
            for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
                if (cause instanceof Error error) return fatal(err, error);
            }
            if (e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
                // a full disk, say, while writing the report: the journal holds the run, resume rewrites it
                Throwable root = e;
                while (root.getCause() != null && root.getCause() != root) root = root.getCause();
                String message = root == e ? e.getMessage() : e.getMessage() + ": " + root.getMessage();
                if (String.valueOf(message).contains("No space left on device")) {
                    message = "the disk is full (" + message + "); what was recorded is kept: free some space and"
                            + " run again, or resume an interrupted run";
                }
                err.println("dyson: " + TerminalText.oneLine(String.valueOf(message)));
                err.flush();
                return FAILED;
            }
            err.println("dyson: internal error: " + TerminalText.oneLine(String.valueOf(e)));
            err.flush();
            return FAILED;
        });
        return cl;
    }
}
