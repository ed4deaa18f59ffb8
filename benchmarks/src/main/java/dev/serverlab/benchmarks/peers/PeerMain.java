package dev.serverlab.benchmarks.peers;

import dev.serverlab.benchmarks.RunningServer;

/**
 * Runs one peer as its own process, for the footprint run, with the same
 * start-up line as a stage: {@code PeerMain netty --port 0} prints
 * {@code netty listening on http://localhost:PORT/} and serves until killed.
 */
public final class PeerMain {

    private PeerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3 || !args[1].equals("--port")) {
            System.err.println("usage: PeerMain netty|microhttp|jdk-httpserver --port N");
            System.exit(2);
        }
        String name = args[0];
        int port = Integer.parseInt(args[2]);
        RunningServer server = switch (name) {
            case "netty" -> NettyPeer.start(port);
            case "microhttp" -> MicrohttpPeer.start(port);
            case "jdk-httpserver" -> JdkHttpServerPeer.start(port);
            default -> throw new IllegalArgumentException("unknown peer " + name);
        };
        RunningServer.serveUntilKilled(name, server);
    }
}
