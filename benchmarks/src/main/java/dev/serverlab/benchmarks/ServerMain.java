package dev.serverlab.benchmarks;


/**
 * Runs one of {@link Servers} as its own process, sized exactly as in
 * {@link Servers#start}: {@code ServerMain 07-nio true} prints
 * {@code 07-nio listening on http://localhost:PORT/} and serves until
 * killed. {@link ThroughputBenchmark} starts its server this way, so the
 * benchmark's client threads and their garbage do not share the server's
 * heap, collector and JIT.
 */
public final class ServerMain {

    private ServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: ServerMain NAME true|false   (NAME: one of " + Servers.NAMES + ")");
            System.exit(2);
        }
        RunningServer server = Servers.start(args[0], Boolean.parseBoolean(args[1]));
        RunningServer.serveUntilKilled(args[0], server);
    }
}
