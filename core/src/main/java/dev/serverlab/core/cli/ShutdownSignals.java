package dev.serverlab.core.cli;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleProxies;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Turns SIGTERM (what {@code kill}, systemd, Docker and Kubernetes send) and
 * SIGINT (Ctrl-C) into one call of a stop action, so that a stage drains its
 * connections and then exits with status 0.
 *
 * <h2>Why not just a shutdown hook</h2>
 *
 * <p>By default the JVM answers TERM and INT with {@code System.exit(128 +
 * signal number)} and runs shutdown hooks during that exit. A hook could
 * drain the server, but the process would still end with status 143 (or
 * 130), which shells, {@code timeout}, systemd and CI all read as failure.
 * Replacing the JVM's handlers with {@code sun.misc.Signal} leaves the exit
 * to {@link StageLauncher}, which returns 0 after a clean drain.
 * {@code sun.misc.Signal} lives in module {@code jdk.unsupported}, which the
 * JDK exports on purpose for the few things, like this one, that have no
 * standard API yet.
 *
 * <h2>Why reflection</h2>
 *
 * <p>Naming {@code sun.misc.Signal} in source works, but javac then warns
 * "internal proprietary API" on every build and no annotation silences it.
 * Looking the class up at run time keeps the build clean, and where it is
 * missing (a jlink image without {@code jdk.unsupported}) or refuses a
 * signal (TERM on Windows), we fall back to a shutdown hook: the drain still
 * happens, only the exit status is the JVM's 143 or 130.
 *
 * <p>Only the first signal counts; a second Ctrl-C during the drain changes
 * nothing, since the drain is bounded anyway.
 */
final class ShutdownSignals implements AutoCloseable {

    private static final List<String> SIGNALS = List.of("TERM", "INT");
    private static final System.Logger LOG = System.getLogger(ShutdownSignals.class.getName());

    /** A signal we took over, and the handler to give it back to. */
    private record Trapped(Object signal, Object previousHandler) {
    }

    private final Consumer<String> stop;
    private final AtomicBoolean received = new AtomicBoolean();
    private final CountDownLatch stopDone = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final List<Trapped> trapped = new ArrayList<>();
    private Method handleMethod;         // sun.misc.Signal.handle(Signal, SignalHandler)
    private Thread hook;                 // the fallback, if any signal could not be trapped

    private ShutdownSignals(Consumer<String> stop) {
        this.stop = stop;
    }

    /**
     * Takes over TERM and INT until {@link #close()}.
     *
     * @param stop called once, on the signal's own thread, with the signal's
     *             name ({@code SIGTERM}, {@code SIGINT}, or {@code shutdown}
     *             when the fallback hook fired)
     */
    static ShutdownSignals trap(Consumer<String> stop) {
        ShutdownSignals signals = new ShutdownSignals(stop);
        boolean all = true;
        for (String name : SIGNALS) {
            all &= signals.trapSignal(name);
        }
        if (!all) {
            signals.hook = new Thread(signals::onShutdownHook, "shutdown-drain");
            Runtime.getRuntime().addShutdownHook(signals.hook);
        }
        return signals;
    }

    /** Whether a signal (or the fallback hook) has started the stop action. */
    boolean received() {
        return received.get();
    }

    /** If a signal started the stop action, waits until that action has returned. */
    void awaitStop() throws InterruptedException {
        if (received.get()) {
            stopDone.await();
        }
    }

    /** Gives TERM and INT back to their previous handlers. */
    @Override
    public void close() {
        for (Trapped t : trapped) {
            try {
                handleMethod.invoke(null, t.signal(), t.previousHandler());
            } catch (ReflectiveOperationException e) {
                LOG.log(System.Logger.Level.WARNING, "could not restore the handler of " + t.signal(), e);
            }
        }
        trapped.clear();
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shutdownInProgress) {
                // The hook is running; it waits for `closed` below so that our last line gets printed.
            }
        }
        closed.countDown();
    }

    /** The reflective spelling of {@code Signal.handle(new Signal(name), s -> onSignal("SIG" + name))}. */
    private boolean trapSignal(String name) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            MethodHandle onSignal = MethodHandles.lookup()
                    .findVirtual(ShutdownSignals.class, "onSignal", MethodType.methodType(void.class, String.class))
                    .bindTo(this);
            MethodHandle handle = MethodHandles.dropArguments(
                    MethodHandles.insertArguments(onSignal, 0, "SIG" + name), 0, signalClass);
            Object handler = MethodHandleProxies.asInterfaceInstance(handlerClass, handle);
            Object signal = signalClass.getConstructor(String.class).newInstance(name);
            handleMethod = signalClass.getMethod("handle", signalClass, handlerClass);
            trapped.add(new Trapped(signal, handleMethod.invoke(null, signal, handler)));
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot trap SIG" + name + "; falling back to a shutdown hook", e);
            return false;
        }
    }

    private void onSignal(String name) {
        if (received.compareAndSet(false, true)) {
            try {
                stop.accept(name);
            } finally {
                stopDone.countDown();
            }
        }
    }

    private void onShutdownHook() {
        onSignal("shutdown");
        try {
            // The JVM halts when the last hook returns: give the launcher a
            // moment to print its final line first.
            closed.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
