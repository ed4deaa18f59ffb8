package dev.serverlab.core.http;

/** Character classes from RFC 9110 §5.6 and RFC 3986, as small predicates. */
final class HttpSyntax {

    private HttpSyntax() {
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isHexDigit(int c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** tchar: letters, digits and {@code !#$%&'*+-.^_`|~} (RFC 9110 §5.6.2). */
    static boolean isTokenChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c)
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    static boolean isToken(String s) {
        return !s.isEmpty() && s.chars().allMatch(HttpSyntax::isTokenChar);
    }

    /** Visible ASCII only: no spaces, controls or raw non-ASCII bytes. */
    static boolean isRequestTarget(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    /** Field values may hold visible characters, spaces, tabs and obs-text, never other controls. */
    static boolean isFieldValue(String s) {
        return s.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c != 0x7f));
    }

    /** Strips optional whitespace (SP and HTAB) from both ends. */
    static String trimOws(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
            to--;
        }
        return s.substring(from, to);
    }
}
