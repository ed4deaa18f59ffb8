package dev.serverlab.core.app;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict percent-decoding of one piece of a request path (RFC 3986 §2.1).
 *
 * <p>Strict means a {@code %} not followed by two hex digits is an error, not
 * a literal: guessing what a malformed escape meant is how decoders in front
 * of a file system end up disagreeing with the checks behind them. Unlike form
 * decoding, {@code +} stays {@code +}: it means space only in query strings.
 */
final class PercentDecoding {

    private PercentDecoding() {
    }

    /**
     * The octets the client encoded. Characters outside escapes stand for
     * themselves, in UTF-8 (a parsed target is ASCII, but a {@code Request}
     * built in code may hold anything).
     *
     * @throws BadRequestException on a {@code %} without two hex digits after it
     */
    static byte[] decode(String encoded) {
        if (isPlainAscii(encoded)) {
            return encoded.getBytes(StandardCharsets.US_ASCII); // the usual case: one copy, no stream
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length());
        int i = 0;
        while (i < encoded.length()) {
            char c = encoded.charAt(i);
            if (c == '%') {
                int hi = i + 1 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int lo = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw new BadRequestException("malformed percent-escape at position " + i);
                }
                out.write(hi << 4 | lo);
                i += 3;
            } else if (c < 0x80) {
                out.write(c); // ASCII is its own UTF-8: no string or array per character
                i++;
            } else {
                int end = i + Character.charCount(encoded.codePointAt(i));
                out.writeBytes(encoded.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return out.toByteArray();
    }

    /** No escape and nothing beyond ASCII: every character is the octet it stands for. */
    private static boolean isPlainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' || c >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * The decoded octets read as UTF-8, refusing anything that is not valid
     * UTF-8. Refusing matters for names: the lenient decoder would turn the
     * overlong {@code %c0%ae} into U+FFFD, but some other decoder might turn
     * it into {@code .}, and two layers reading one name two ways is a hole.
     *
     * @throws BadRequestException on a malformed escape or invalid UTF-8
     */
    static String decodeUtf8(String encoded) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(decode(encoded)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadRequestException("percent-decoded text is not valid UTF-8");
        }
    }
}
