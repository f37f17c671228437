package org.dysonsim.scenarios.config;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigIncludeContext;
import com.typesafe.config.ConfigIncluder;
import com.typesafe.config.ConfigIncluderClasspath;
import com.typesafe.config.ConfigIncluderFile;
import com.typesafe.config.ConfigIncluderURL;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseable;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a scenario includes other files: {@code include "other.conf"} (beside the including file)
 * and {@code include file("...")} name files that must exist (HOCON's own includes are optional,
 * so a misspelt name would be ignored) and be at most {@link InputLimits#MAX_FILE_BYTES} long.
 * Class-path and URL includes are refused: a scenario is a file and what it includes is a file.
 */
final class ScenarioIncluder implements ConfigIncluder, ConfigIncluderFile, ConfigIncluderURL, ConfigIncluderClasspath {

    /** An include that cannot be honoured; ScenarioLoader turns it into one line. */
    static final class IncludeException extends RuntimeException {
        IncludeException(String message) {
            super(message);
        }
    }

    @Override
    public ConfigIncluder withFallback(ConfigIncluder fallback) {
        return this;
    }

    @Override
    public ConfigObject include(ConfigIncludeContext context, String what) {
        ConfigParseable parseable = context.relativeTo(what);
        String file = parseable == null ? null : parseable.origin().filename();
        if (file == null) throw new IncludeException("include " + TerminalText.quoted(what) + ": no such file");
        checkFile(Path.of(file), what);
        return parseable.parse(context.parseOptions().setAllowMissing(false));
    }

    @Override
    public ConfigObject includeFile(ConfigIncludeContext context, File file) {
        checkFile(file.toPath(), file.toString());
        return ConfigFactory.parseFile(file, context.parseOptions().setAllowMissing(false)).root();
    }

    @Override
    public ConfigObject includeURL(ConfigIncludeContext context, URL url) {
        throw new IncludeException("include url(" + TerminalText.quoted(url.toString()) + "): only files can be included");
    }

    @Override
    public ConfigObject includeResources(ConfigIncludeContext context, String what) {
        throw new IncludeException("include classpath(" + TerminalText.quoted(what) + "): only files can be included");
    }

    /** A regular file of bounded size, or one line saying which include fails. */
    static void checkFile(Path file, String asWritten) {
        String named = "include " + TerminalText.quoted(asWritten);
        if (!Files.isRegularFile(file)) throw new IncludeException(named + ": no such file");
        try {
            long size = Files.size(file);
            if (size > InputLimits.MAX_FILE_BYTES) {
                throw new IncludeException(named + ": " + size + " bytes, more than the " + InputLimits.MAX_FILE_BYTES
                        + " a scenario may include");
            }
        } catch (IOException e) {
            throw new IncludeException(named + ": cannot read it: " + e.getMessage());
        }
    }

    /** Thrown by Typesafe Config around our exception in some paths: unwraps it. */
    static IncludeException cause(ConfigException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IncludeException include) return include;
        }
        return null;
    }
}
