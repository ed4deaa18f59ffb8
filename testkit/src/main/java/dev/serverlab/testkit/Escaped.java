package dev.serverlab.testkit;

/** Bytes off the wire made readable: CR and LF shown as {@code \r} and {@code \n}, other control bytes as hex. */
final class Escaped {

    /** Longest part shown of one direction: enough for a head and the start of a body. */
    private static final int SHOWN = 1200;

    private Escaped() {
    }

    /** One output line per wire line (a line ends after each LF), each indented. */
    static String lines(byte[] bytes, long total, String indent) {
        StringBuilder sb = new StringBuilder(indent);
        int shown = Math.min(bytes.length, SHOWN);
        for (int i = 0; i < shown; i++) {
            int b = bytes[i] & 0xff;
            switch (b) {
                case '\r' -> sb.append("\\r");
                case '\n' -> {
                    sb.append("\\n\n");
                    if (i + 1 < shown) {
                        sb.append(indent);
                    }
                }
                case '\t' -> sb.append("\\t");
                default -> {
                    if (b < 0x20 || b >= 0x7f) {
                        sb.append(String.format("\\x%02x", b));
                    } else {
                        sb.append((char) b);
                    }
                }
            }
        }
        if (shown > 0 && (bytes[shown - 1] != '\n')) {
            sb.append('\n');
        }
        if (total > shown) {
            sb.append(indent).append("… (").append(total - shown).append(" more bytes)\n");
        }
        return sb.toString();
    }
}
