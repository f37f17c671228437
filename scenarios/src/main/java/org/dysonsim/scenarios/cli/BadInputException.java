package org.dysonsim.scenarios.cli;

/** Bad input that is not about a scenario key (an unknown run id, an unusable data directory): exit code 2. */
public final class BadInputException extends RuntimeException {
    public BadInputException(String oneLine) {
        super(oneLine);
    }
}
