package dev.serverlab.benchmarks.peers;

import dev.serverlab.benchmarks.RunningServer;
import java.nio.charset.StandardCharsets;

/**
 * What the three peers share: the two routes they serve, decided the same
 * way for each, and a {@link RunningServer} around a stop action. The
 * peers only serve what the benchmarks ask: {@code GET /} (200, empty) and
 * {@code GET /echo/{text}} (200, the text); anything else is 404.
 */
final class Peers {

    record Answer(int status, byte[] body) {
    }

    record Running(int port, Runnable stop) implements RunningServer {
        @Override
        public void close() {
            stop.run();
        }
    }

    private static final byte[] EMPTY = new byte[0];

    private Peers() {
    }

    static Answer answer(String method, String uri) {
        if (!method.equals("GET")) {
            return new Answer(405, EMPTY);
        }
        if (uri.equals("/")) {
            return new Answer(200, EMPTY);
        }
        if (uri.startsWith("/echo/")) {
            return new Answer(200, uri.substring("/echo/".length()).getBytes(StandardCharsets.UTF_8));
        }
        return new Answer(404, EMPTY);
    }
}
