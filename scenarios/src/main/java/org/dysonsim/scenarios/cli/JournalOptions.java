package org.dysonsim.scenarios.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dysonsim.persistence.DataDirectory;
import org.dysonsim.persistence.JournalConfig;
import org.dysonsim.scenarios.run.ActorEngine;
import picocli.CommandLine.Option;

/**
 * {@code --journal h2|postgres} and its connection options, for every subcommand that reads or
 * writes runs (mix it in with {@code @Mixin}). Without options the environment decides:
 * {@code DYSON_JOURNAL_URL} (with {@code DYSON_JOURNAL_USER}, {@code DYSON_JOURNAL_PASSWORD}) selects
 * PostgreSQL, otherwise the embedded H2 journal of the data directory. A password is never an
 * option value (command lines are visible to every user of the machine): it comes from the
 * environment or from {@code --jdbc-password-file}.
 */
public final class JournalOptions {
    static final String URL_VARIABLE = "DYSON_JOURNAL_URL";

    @Option(names = "--journal", paramLabel = "KIND",
            description = "h2 (embedded, under --data-dir) or postgres (shared by several nodes); default: postgres if "
                    + URL_VARIABLE + " is set, else h2")
    String kind;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "PostgreSQL JDBC URL, e.g. jdbc:postgresql://localhost:5432/dyson (default: $" + URL_VARIABLE + ")")
    String url;

    @Option(names = "--jdbc-user", paramLabel = "USER", description = "database user (default: $DYSON_JOURNAL_USER)")
    String user;

    @Option(names = "--jdbc-password-file", paramLabel = "FILE",
            description = "file whose first line is the database password (default: $DYSON_JOURNAL_PASSWORD)")
    Path passwordFile;

    /**
     * {@code dysonsim.journal.*} as the options and environment choose (nothing when nothing is
     * chosen), over the command line's actor-system settings ({@code dyson-cli.conf}), so that every
     * session a command opens, reading ones included, logs quietly.
     */
    public Config overrides() {
        return chosenJournal().withFallback(ConfigFactory.parseResources(ActorEngine.SETTINGS));
    }

    private Config chosenJournal() {
        String chosen = kind != null ? kind : url != null || user != null || passwordFile != null ? "postgres" : null;
        if (chosen == null) {
            return ConfigFactory.empty();
        }
        switch (chosen) {
            case "h2" -> {
                if (url != null || user != null || passwordFile != null) {
                    throw new BadInputException("--journal h2 takes no --jdbc-url, --jdbc-user or --jdbc-password-file"
                            + " (the embedded journal lives under --data-dir)");
                }
                return ConfigFactory.empty().withValue("dysonsim.journal.url", ConfigValueFactory.fromAnyRef(""));
            }
            case "postgres" -> {
                return postgres();
            }
            default -> throw new BadInputException("--journal: unknown journal \"" + chosen + "\", expected h2 or postgres");
        }
    }

    /** The configuration of an actor system on the chosen journal for {@code dir}, resolved. */
    public Config resolved(DataDirectory dir) {
        return JournalConfig.forWriting(dir, overrides());
    }

    private Config postgres() {
        String jdbcUrl = url != null ? url : System.getenv(URL_VARIABLE);
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new BadInputException("--journal postgres needs --jdbc-url URL (or $" + URL_VARIABLE + ")");
        }
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new BadInputException("--jdbc-url: \"" + jdbcUrl + "\" is not a PostgreSQL JDBC URL"
                    + " (expected jdbc:postgresql://HOST[:PORT]/DATABASE)");
        }
        Config config = ConfigFactory.empty().withValue("dysonsim.journal.url", ConfigValueFactory.fromAnyRef(jdbcUrl));
        if (user != null) {
            config = config.withValue("dysonsim.journal.user", ConfigValueFactory.fromAnyRef(user));
        }
        if (passwordFile != null) {
            config = config.withValue("dysonsim.journal.password", ConfigValueFactory.fromAnyRef(readPassword()));
        }
        return config;
    }

    private String readPassword() {
        try {
            return Files.readAllLines(passwordFile).stream().findFirst().orElse("");
        } catch (IOException e) {
            throw new BadInputException("--jdbc-password-file: cannot read " + passwordFile + ": " + e.getMessage());
        }
    }
}
