package dev.serverlab.nio;

import dev.serverlab.core.app.Handler;
import dev.serverlab.core.http.ConnectionPersistence;
import dev.serverlab.core.http.Request;
import dev.serverlab.core.http.RequestAssembler;
import dev.serverlab.core.http.ResponseEncoder;
import dev.serverlab.core.net.Sockets;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * Chapter 07's first step: the basic reactor of Doug Lea's "Scalable IO in
 * Java", and nothing more. One thread, one selector; every socket is
 * non-blocking; each connection's state is an object attached to its key;
 * the loop reacts to readiness, and a read or a write may move only part of
 * the bytes. It serves the same routes and keeps connections alive.
 *
 * <p>What it leaves out, on purpose, is what {@link NioServer} adds: no
 * deadlines (an idle or stalled client is held forever), no workers (a slow
 * handler stalls everyone), no bound on what a client that does not read
 * may pile up, one loop only, and no graceful shutdown. It is not started
 * by {@link Main}; {@code BasicReactorTest} runs it.
 */
final class BasicReactor implements Runnable, AutoCloseable {

    /** One connection's state, attached to its selection key. */
    private static final class Conn {
        final RequestAssembler requests = new RequestAssembler();
        ByteBuffer output;      // the response being written, or null
        boolean closeAfterWrite;
    }

    private final Selector selector = Selector.open();
    private final ServerSocketChannel listener = ServerSocketChannel.open();
    private final Handler app;
    private final ByteBuffer readBuffer = ByteBuffer.allocate(16 * 1024); // shared: one thread reads

    BasicReactor(int port, Handler app) throws IOException {
        this.app = app;
        listener.bind(new InetSocketAddress(port));
        listener.configureBlocking(false);
        listener.register(selector, SelectionKey.OP_ACCEPT);
    }

    // tag::basic-reactor[]
    @Override
    public void run() {
        try {
            while (true) {
                selector.select(this::dispatch);  // sleeps until some sockets are ready, then each one:
            }
        } catch (IOException | ClosedSelectorException e) {
            // close() closed the selector: the loop is over
        }
    }

    private void dispatch(SelectionKey key) {
        try {
            if (key.isAcceptable()) {
                SocketChannel channel = listener.accept(); // ready: returns at once (null if none after all)
                if (channel == null) {
                    return;
                }
                channel.configureBlocking(false);
                channel.register(selector, SelectionKey.OP_READ, new Conn()); // attach the state
            } else if (key.isReadable()) {
                read(key, (SocketChannel) key.channel(), (Conn) key.attachment());
            } else if (key.isWritable()) {
                write(key, (SocketChannel) key.channel(), (Conn) key.attachment());
            }
        } catch (IOException e) {
            close(key); // only this connection is lost
        }
    }

    private void read(SelectionKey key, SocketChannel channel, Conn c) throws IOException {
        readBuffer.clear();
        if (channel.read(readBuffer) < 0) { // whatever the kernel holds, maybe half a request
            close(key);
            return;
        }
        c.requests.feed(readBuffer.flip()); // the parser keeps a partial request for the next read
        answerNext(key, channel, c);
    }

    private void answerNext(SelectionKey key, SocketChannel channel, Conn c) throws IOException {
        Request request = c.requests.poll(); // null: not a whole request yet
        if (request == null) {
            return;
        }
        boolean persists = ConnectionPersistence.persists(request.head(), true);
        c.output = ResponseEncoder.encodeFor(request.head(),
                ConnectionPersistence.mark(app.answer(request), request.head(), persists));
        c.closeAfterWrite = !persists;
        write(key, channel, c);
    }

    private void write(SelectionKey key, SocketChannel channel, Conn c) throws IOException {
        channel.write(c.output); // takes what fits in the socket's send buffer: all, part or none
        if (c.output.hasRemaining()) {
            key.interestOps(SelectionKey.OP_WRITE); // the rest when the socket has room
        } else if (c.closeAfterWrite) {
            close(key);
        } else {
            c.output = null;
            key.interestOps(SelectionKey.OP_READ);
            answerNext(key, channel, c); // a pipelined request may already be waiting
        }
    }
    // end::basic-reactor[]

    private static void close(SelectionKey key) {
        key.cancel();
        Sockets.closeQuietly(key.channel());
    }

    int port() {
        return listener.socket().getLocalPort();
    }

    @Override
    public void close() {
        Sockets.closeQuietly(selector); // wakes the loop, which ends
        Sockets.closeQuietly(listener);
    }
}
