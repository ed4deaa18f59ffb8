package dev.serverlab.virtualthreads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.serverlab.core.net.ServerConfig;
import dev.serverlab.core.net.StageServer;
import dev.serverlab.testkit.RawClient;
import dev.serverlab.testkit.Requests;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;

/**
 * Stage 08's sharp edge, as passing tests: a virtual thread that cannot
 * unmount pins its carrier, and the carriers are few (one per core). Since
 * JDK 24 (JEP 491) {@code synchronized} no longer pins; a native frame on the
 * stack still does — a static initialiser is the easiest one to reach from
 * plain Java. The JFR event {@code jdk.VirtualThreadPinned} is how to find them.
 */
class PinningTest {

    /**
     * Pin every carrier and the server stops: a keep-alive client's next
     * request is read by nobody, though its own virtual thread is merely
     * waiting for a carrier. One carrier left free is enough to serve it; all
     * released, the stalled request is answered.
     */
    // tag::pinning-stalls[]
    @Test
    void pinnedCarriersStallEveryConnection() throws Exception {
        int carriers = CarrierPins.schedulerParallelism();
        try (StageServer server = new VirtualThreadServer(ServerConfig.onPort(0), 100,
                Duration.ofSeconds(30), Duration.ofSeconds(10), true)) {
            server.start();
            try (RawClient client = RawClient.connect(server.port())) {
                assertThat(client.send(Requests.get("/echo/before")).readResponse().bodyText()).isEqualTo("before");

                try (CarrierPins allButOne = CarrierPins.pin(carriers - 1)) {
                    assertThat(client.send(Requests.get("/echo/one-free")).readResponse().bodyText())
                            .as("one free carrier still serves").isEqualTo("one-free");
                }

                try (CarrierPins all = CarrierPins.pin(carriers)) {
                    client.send(Requests.get("/echo/stalled")).readTimeout(Duration.ofMillis(500));
                    assertThat(catchThrowable(client::readResponse))
                            .as("every carrier is pinned: no virtual thread can run")
                            .isInstanceOf(SocketTimeoutException.class);
                }

                client.readTimeout(Duration.ofSeconds(10));
                assertThat(client.readResponse().bodyText()).as("answered once the pins are released")
                        .isEqualTo("stalled");
            }
        }
    }
    // end::pinning-stalls[]

    /**
     * How to see pinning: JFR's {@code jdk.VirtualThreadPinned} event (here with
     * threshold 0; by default it reports pins longer than 20 ms). A virtual
     * thread blocked in a static initialiser is reported; one that sleeps
     * inside {@code synchronized} is reported only before JDK 24.
     */
    // tag::pinning-jfr[]
    @Test
    void jfrReportsPinningInAStaticInitialiserButNoLongerInSynchronized() throws Exception {
        List<RecordedEvent> pinned = new CopyOnWriteArrayList<>();
        try (RecordingStream jfr = new RecordingStream()) {
            jfr.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
            jfr.onEvent("jdk.VirtualThreadPinned", pinned::add);
            jfr.startAsync();

            CarrierPins.pin(1).close();
            Object monitor = new Object();
            Thread.ofVirtual().name("sleeps-in-synchronized").start(() -> {
                synchronized (monitor) {
                    sleepQuietly(Duration.ofMillis(50)); // parks inside a monitor
                }
            }).join();

            jfr.stop(); // waits until every recorded event has been delivered
        }
        assertThat(threadNames(pinned)).as("a static initialiser runs under a native frame")
                .contains("pinned-in-clinit-0");
        boolean jep491 = Runtime.version().feature() >= 24;
        assertThat(threadNames(pinned).contains("sleeps-in-synchronized"))
                .as("synchronized pins before JDK 24 only (JEP 491); running on %s", Runtime.version())
                .isEqualTo(!jep491);
    }
    // end::pinning-jfr[]

    private static List<String> threadNames(List<RecordedEvent> events) {
        return events.stream().map(e -> e.getThread("eventThread").getJavaName()).toList();
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
