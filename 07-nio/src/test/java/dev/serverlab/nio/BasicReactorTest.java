package dev.serverlab.nio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlab.core.app.ServerStats;
import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.testkit.RawClient;
import dev.serverlab.testkit.Requests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The basic reactor of chapter 07's first step: one thread serves several
 * connections at once, a request that arrives in pieces, pipelined
 * requests, and a response too big for the socket's buffers.
 */
@Timeout(30)
class BasicReactorTest {

    @TempDir
    Path dir;

    private BasicReactor reactor;

    private BasicReactor start() throws Exception {
        reactor = new BasicReactor(0, ServerConfig.onPort(0).withDirectory(dir).newApplication(new ServerStats()));
        Thread.ofPlatform().name("basic-reactor").daemon().start(reactor);
        return reactor;
    }

    @AfterEach
    void stop() {
        if (reactor != null) {
            reactor.close();
        }
    }

    /** Two connections open at once on one thread, each kept alive for a second request. */
    @Test
    void oneThreadServesTwoKeepAliveConnectionsInTurn() throws Exception {
        start();
        try (RawClient a = RawClient.connect(reactor.port()); RawClient b = RawClient.connect(reactor.port())) {
            assertThat(a.send(Requests.get("/echo/a1")).readResponse().bodyText()).isEqualTo("a1");
            assertThat(b.send(Requests.get("/echo/b1")).readResponse().bodyText()).isEqualTo("b1");
            assertThat(a.send(Requests.get("/echo/a2")).readResponse().bodyText()).isEqualTo("a2");
            assertThat(b.send(Requests.get("/echo/b2")).readResponse().bodyText()).isEqualTo("b2");
        }
    }

    /** Partial reads: the request comes one byte per write; the parser keeps the pieces between reads. */
    @Test
    void aRequestArrivingByteByByteIsAnswered() throws Exception {
        start();
        try (RawClient client = RawClient.connect(reactor.port())) {
            client.sendByteByByte(Requests.get("/echo/pieces"));
            assertThat(client.readResponse().bodyText()).isEqualTo("pieces");
        }
    }

    /** Two requests in one write: the second is answered after the first is written, in order. */
    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        start();
        try (RawClient client = RawClient.connect(reactor.port())) {
            client.send(Requests.get("/echo/first") + Requests.get("/echo/second"));
            assertThat(client.readResponse().bodyText()).isEqualTo("first");
            assertThat(client.readResponse().bodyText()).isEqualTo("second");
        }
    }

    /**
     * Partial writes: 32 MiB does not fit the sockets' buffers (a few MiB on Linux's loopback), so the write
     * takes part of it and the rest waits for {@code OP_WRITE}; meanwhile the
     * same thread answers another client.
     */
    @Test
    void aResponseLargerThanTheSocketBufferIsWrittenInPartsWhileOthersAreServed() throws Exception {
        byte[] content = new byte[32 * 1024 * 1024];
        new Random(7).nextBytes(content);
        Files.write(dir.resolve("big.bin"), content);
        start();
        try (RawClient slow = RawClient.connect(reactor.port()); RawClient other = RawClient.connect(reactor.port())) {
            slow.send(Requests.get("/files/big.bin")); // and does not read yet
            assertThat(other.send(Requests.get("/echo/meanwhile")).readResponse().bodyText()).isEqualTo("meanwhile");
            assertThat(slow.readResponse().body()).isEqualTo(content);
        }
    }
}
