package dev.serverlab.checker;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A tiny HTTP server with one deliberate mistake, the kind a learner makes:
 * the checker's self-tests run checks against it and expect them to fail,
 * with the hint for that mistake. Routes: {@code /} (empty 200),
 * {@code /echo/TEXT}, anything else 404. One connection at a time.
 *
 * <pre>
 * java dev.serverlab.checker.BrokenServer MODE --port N [other flags, ignored]
 *   no-content-length   responses carry no Content-Length (and the server closes after each)
 *   close-after-first   closes every connection after its first response, HTTP/1.1 or not
 *   ignore-close        keeps every connection open, "Connection: close" or not
 *   crash-on-bad        throws (and the process dies) on a request it cannot read whole
 * </pre>
 */
public final class BrokenServer {

    private BrokenServer() {
    }

    public static void main(String[] args) throws IOException {
        String mode = args[0];
        int port = 0;
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals("--port")) {
                port = Integer.parseInt(args[i + 1]);
            }
        }
        try (ServerSocket listener = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            System.out.println("broken server (" + mode + ") listening on port " + listener.getLocalPort());
            while (true) {
                try (Socket socket = listener.accept()) {
                    serve(mode, socket);
                } catch (EOFException | java.net.SocketException e) {
                    if (mode.equals("crash-on-bad")) {
                        throw new IllegalStateException("could not read the request", e); // the mistake
                    }
                }
            }
        }
    }

    private static void serve(String mode, Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        while (true) {
            String head = readHead(in);
            int length = contentLength(head);
            if (in.readNBytes(length).length < length) {
                throw new EOFException("closed mid-body");
            }
            String target = head.split(" ", 3)[1];
            String body = target.startsWith("/echo/") ? target.substring("/echo/".length()) : "";
            int status = target.equals("/") || target.startsWith("/echo/") ? 200 : 404;
            String response = "HTTP/1.1 " + status + (status == 200 ? " OK" : " Not Found") + "\r\n"
                    + "Content-Type: text/plain\r\n"
                    + (mode.equals("no-content-length") ? "" : "Content-Length: " + body.length() + "\r\n")
                    + "\r\n" + body;
            out.write(response.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            if (!mode.equals("ignore-close")) {
                return; // closes: after every response, whatever the request asked for
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("closed before the end of the head");
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return 0;
    }
}
