package dev.serverlab.virtualthreads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;

/**
 * Makes the JDK set up its virtual-thread I/O pollers now, while the
 * process still has file descriptors to spare.
 *
 * <p>A virtual thread that blocks on a socket parks, and the JDK's poller
 * wakes it when the socket is ready. The pollers (each an epoll or kqueue
 * instance, so a file descriptor) are created the first time any virtual
 * thread parks on I/O, in a class initialiser. Found by running stage 08
 * under {@code ulimit -n 256} on a loaded machine: when a flood of
 * connections used up every descriptor before the first connection thread
 * got to park, that initialiser failed ("Too many open files"), the class
 * was marked unusable for the life of the JVM, and from then on every
 * connection thread that had to wait for a byte died with
 * {@code NoClassDefFoundError}. Parking one virtual thread on a pipe at
 * start-up takes that first step early; it costs two descriptors for a
 * moment.
 */
final class PollerWarmUp {

    private PollerWarmUp() {
    }

    static void run() {
        try {
            Pipe pipe = Pipe.open();
            try (Pipe.SourceChannel source = pipe.source(); Pipe.SinkChannel sink = pipe.sink()) {
                Thread reader = Thread.ofVirtual().name("08-poller-warm-up").start(() -> {
                    try {
                        source.read(ByteBuffer.allocate(1)); // nothing to read yet: parks, via the poller
                    } catch (IOException closed) {
                        // the pipe closed under it: the poller was set up all the same
                    }
                });
                while (reader.isAlive() && reader.getState() != Thread.State.WAITING) {
                    Thread.sleep(1); // until the reader has parked, i.e. the poller exists
                }
                sink.write(ByteBuffer.wrap(new byte[] {1}));
                reader.join();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up virtual-thread I/O", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
