package dev.serverlab.testkit;

import dev.serverlab.core.app.ServerStats;
import dev.serverlab.core.net.StageServer;

/**
 * Where a contract reads a server's counters. A server in this JVM hands
 * them over directly ({@code server.stats().snapshot()}); a server in a
 * process of its own (the checker's {@code ExternalServer}, perhaps written
 * in Go or Python) implements this and answers from {@code GET /stats},
 * leaving out the connections it made to ask. Contracts call {@link #of}, so
 * one copy of each contract serves both.
 */
public interface StatsSource {

    /**
     * The counters now, as {@code /stats} shows them. {@code liveThreads} is
     * the number of platform threads of the server's process, or -1 where
     * that cannot be read.
     */
    ServerStats.Snapshot snapshot();

    /** The counters of any server: its own snapshot when it is a {@link StatsSource}, else its in-JVM stats. */
    static ServerStats.Snapshot of(StageServer server) {
        return server instanceof StatsSource source ? source.snapshot() : server.stats().snapshot();
    }
}
