package dev.serverlab.testkit;

import java.nio.charset.StandardCharsets;

/**
 * Request bytes for raw-client tests, written out so a reader sees exactly
 * what goes on the wire. Every request carries {@code Host}, which HTTP/1.1
 * requires (RFC 9112 §3.2).
 */
public final class Requests {

    private Requests() {
    }

    /** {@code GET target HTTP/1.1} with a Host header and any extra header lines. */
    public static String get(String target, String... headerLines) {
        return request("GET", target, headerLines);
    }

    /** {@code HEAD target HTTP/1.1}. */
    public static String head(String target, String... headerLines) {
        return request("HEAD", target, headerLines);
    }

    /** Any method, no body. */
    public static String request(String method, String target, String... headerLines) {
        StringBuilder sb = new StringBuilder();
        sb.append(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: localhost\r\n");
        for (String line : headerLines) {
            sb.append(line).append("\r\n");
        }
        return sb.append("\r\n").toString();
    }

    /** {@code POST} with a Content-Length body. */
    public static String post(String target, String body) {
        int length = body.getBytes(StandardCharsets.ISO_8859_1).length;
        return "POST " + target + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + length + "\r\n\r\n" + body;
    }
}
