package org.dysonsim.scenarios.config;

/**
 * Makes text from a scenario or a command line safe to print on a terminal: control and
 * format characters (escape sequences, carriage returns, bidirectional overrides) are shown as
 * escapes ({@code \n}, {@code \e}, {@code \u202e}) instead of acting on the terminal.
 */
public final class TerminalText {
    private TerminalText() {}

    /** {@code text} with every control or format character escaped; null stays "null". */
    public static String escape(String text) {
        if (text == null) return "null";
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = replacement(c);
            if (replacement == null) {
                if (out != null) out.append(c);
                continue;
            }
            if (out == null) out = new StringBuilder(text.length() + 8).append(text, 0, i);
            out.append(replacement);
        }
        return out == null ? text : out.toString();
    }

    /**
     * A message for one line: line breaks the message itself puts between its parts become a
     * space, then everything left is escaped.
     */
    public static String oneLine(String message) {
        if (message == null) return "null";
        return escape(message.strip().replaceAll("[ \\t]*\\R[ \\t]*", " "));
    }

    /** {@code "text"}, escaped: for quoting a value in a message. */
    public static String quoted(String text) {
        return "\"" + escape(text) + "\"";
    }

    private static String replacement(char c) {
        switch (c) {
            case '\n': return "\\n";
            case '\r': return "\\r";
            case '\t': return "\\t";
            case 0x1b: return "\\e";
            default:
                int type = Character.getType(c);
                boolean unsafe = Character.isISOControl(c) || type == Character.FORMAT
                        || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
                return unsafe ? String.format("\\u%04x", (int) c) : null;
        }
    }
}
