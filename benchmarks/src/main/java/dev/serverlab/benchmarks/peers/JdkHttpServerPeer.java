package dev.serverlab.benchmarks.peers;

import com.sun.net.httpserver.HttpServer;
import dev.serverlab.benchmarks.RunningServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

/**
 * Yardstick: the JDK's own {@code com.sun.net.httpserver}, with its
 * default executor, which runs every handler on the one dispatcher thread
 * that also selects (a reactor, like stage 07 with {@code --workers 0}).
 *
 * <p>Its defaults close idle connections beyond 200, or idle for 30 s; the
 * footprint run starts it with {@code -Dsun.net.httpserver.maxIdleConnections}
 * and {@code -Dsun.net.httpserver.idleInterval} raised.
 */
public final class JdkHttpServerPeer {

    private JdkHttpServerPeer() {
    }

    public static RunningServer start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 4096);
            server.createContext("/", exchange -> {
                Peers.Answer answer = Peers.answer(exchange.getRequestMethod(), exchange.getRequestURI().getPath());
                exchange.getResponseHeaders().set("Content-Type", "text/plain");
                // A length of -1 means "no body": Content-Length: 0 is still sent.
                exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(answer.body());
                }
            });
            server.start();
            return new Peers.Running(server.getAddress().getPort(), () -> server.stop(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
