package org.dysonsim.scenarios.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dysonsim.persistence.JournalSession;
import org.dysonsim.persistence.RunSummary;
import org.dysonsim.scenarios.config.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dyson list}: a header row, then one row per run (run id first), columns separated by spaces. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the runs of the data directory: scenario, status, members, steps done, size on disk.")
final class ListCommand implements Callable<Integer> {
    static final List<String> HEADER = List.of("RUN-ID", "SCENARIO", "STATUS", "MEMBERS", "STEPS", "SIZE");

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    @Mixin
    JournalOptions journal;

    @Override
    public Integer call() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        try (JournalSession session = JournalSession.openForReading(dataDir.path(), journal.overrides())) {
            for (RunSummary run : session.list()) {
                // the scenario's name is the user's text: one cell without blanks, escaped for the terminal
                rows.add(List.of(TerminalText.escape(run.runId()), TerminalText.escape(run.scenario().replaceAll("\\s+", "_")),
                        run.status().label(),
                        Integer.toString(run.members()), Long.toString(run.stepsDone()), size(run.bytesOnDisk())));
            }
        }
        print(spec.commandLine().getOut(), rows);
        return Main.OK;
    }

    /** Left-aligned columns two spaces apart, so that both people and {@code awk} can read them. */
    private static void print(PrintWriter out, List<List<String>> rows) {
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) widths[c] = Math.max(widths[c], row.get(c).length());
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                line.append(row.get(c));
                if (c < row.size() - 1) line.append(" ".repeat(widths[c] - row.get(c).length() + 2));
            }
            out.println(line);
        }
        out.flush();
    }

    /** Bytes in the largest binary unit that keeps the number at least 1, one decimal, no space. */
    static String size(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + "B" : String.format(Locale.ROOT, "%.1f%s", value, units[unit]);
    }
}
