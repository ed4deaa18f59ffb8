import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Your server. It starts as the least a server can be: it reads its flags,
 * binds its port, and does nothing more. Grow it one stage at a time, as the
 * "Your task" section at the end of each tutorial chapter describes, and let
 * the checker tell you when a stage is done:
 *
 * <pre>
 * learn/run --port 4221                    # start it (finds a JDK 21+, no build step)
 * java learn/starter/Main.java --port 4221 # the same, with a java 21+ of your own
 * ./check 01 -- learn/run --port {port}    # check it against stage 01
 * </pre>
 *
 * <p>As it stands, every check fails: the kernel completes each client's
 * handshake and queues the connection (chapter 00), but no one calls
 * {@code accept()}, so no request is ever read and no answer is ever sent.
 *
 * <p>It is one file so that the JDK's source launcher runs it without a
 * build. Split it when it grows: on JDK 22 or newer the launcher compiles
 * the other {@code .java} files of this directory as they are needed.
 */
public class Main {

    /**
     * Every flag some stage takes (see {@code ./serve NN --help}). The checker appends the flags
     * of the stage it checks, e.g. {@code --max-concurrent 2 --when-full reject}
     * for 04, so all of them are accepted from the start: read the ones your
     * stage needs from the map {@link #parse} returns, and ignore the rest.
     */
    static final List<String> FLAGS = List.of("--port", "--directory", "--max-concurrent", "--when-full",
            "--workers", "--queue", "--read-timeout", "--idle-timeout", "--keep-alive", "--reuse-port");

    static final String USAGE = "usage: java Main.java [--port N] [--directory DIR] [--help]\n"
            + "  also accepted: " + String.join(" ", FLAGS.subList(2, FLAGS.size())) + " (each with a value)";

    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> flags = parse(args);
        int port = port(flags.getOrDefault("--port", "4221"));

        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true); // a restart may bind while old connections sit in TIME_WAIT
        // Loopback only: a server under construction is reachable from this machine alone.
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        // The checker and the tests read this line to learn the port when --port is 0.
        System.out.println("starter listening on http://localhost:" + listener.getLocalPort() + "/");

        // Stage 01 starts here: accept a connection, read one request, answer it, close.
        // Until then the port stays bound (so clients can connect) until the process is killed.
        Thread.sleep(Long.MAX_VALUE);
    }

    /**
     * Reads {@code --flag value} pairs. {@code --help} prints the usage and
     * exits 0; an unknown flag or a missing value exits 2 with a one-line
     * reason, as every stage of serverlab does.
     */
    static Map<String, String> parse(String[] args) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help")) {
                System.out.println(USAGE);
                System.exit(0);
            }
            if (!FLAGS.contains(flag)) {
                refuse("unknown flag " + flag);
            }
            if (i + 1 == args.length) {
                refuse(flag + " needs a value");
            }
            flags.put(flag, args[++i]);
        }
        return flags;
    }

    static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // refused below, like a number out of range
        }
        refuse("--port must be a number from 0 to 65535, not " + value);
        return -1; // not reached: refuse exits
    }

    static void refuse(String reason) {
        System.err.println(reason);
        System.err.println(USAGE);
        System.exit(2);
    }
}
