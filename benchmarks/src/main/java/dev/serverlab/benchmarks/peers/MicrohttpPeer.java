package dev.serverlab.benchmarks.peers;

import dev.serverlab.benchmarks.RunningServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.microhttp.EventLoop;
import org.microhttp.Header;
import org.microhttp.Options;
import org.microhttp.Response;

/**
 * Yardstick: microhttp, a few hundred lines of NIO with one selector loop
 * per core, the closest relative of stage 07. It adds
 * {@code Content-Length} and applies HTTP/1.0 and 1.1 keep-alive rules
 * itself. Its request timeout doubles as an idle timeout, so it is set
 * long: an idle connection in the footprint run must stay open.
 */
public final class MicrohttpPeer {

    private MicrohttpPeer() {
    }

    public static RunningServer start(int port) {
        Options options = Options.builder()
                .withHost("127.0.0.1")
                .withPort(port)
                .withRequestTimeout(Duration.ofHours(1))
                .withAcceptLength(4096)
                .build();
        try {
            EventLoop loop = new EventLoop(options, (request, callback) -> {
                Peers.Answer answer = Peers.answer(request.method(), request.uri());
                callback.accept(new Response(answer.status(), answer.status() == 200 ? "OK" : "Not Found",
                        List.of(new Header("Content-Type", "text/plain")), answer.body()));
            });
            loop.start();
            return new Peers.Running(loop.getPort(), () -> {
                loop.stop();
                try {
                    loop.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
