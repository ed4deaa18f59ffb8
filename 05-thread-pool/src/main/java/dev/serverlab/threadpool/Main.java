package dev.serverlab.threadpool;

import dev.serverlab.core.cli.Flag;
import dev.serverlab.core.cli.StageLauncher;
import java.util.List;

/** Starts stage 05: {@code java -jar 05-thread-pool.jar --workers 8 --queue 64 --read-timeout 10s}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        StageLauncher.launch("05-thread-pool", "fixed workers, a bounded queue, read deadlines", args,
                List.of(Flag.integer("--workers", "N", "worker threads", ThreadPoolServer.DEFAULT_WORKERS, 1, 10_000),
                        Flag.integer("--queue", "N", "accepted connections waiting for a worker; beyond: 503",
                                ThreadPoolServer.DEFAULT_QUEUE, 0, 1_000_000),
                        Flag.duration("--read-timeout", "D", "deadline for the first byte and the whole request; 0 = none",
                                ThreadPoolServer.DEFAULT_READ_TIMEOUT)),
                options -> new ThreadPoolServer(options.serverConfig(), options.integer("--workers"),
                        options.integer("--queue"), options.duration("--read-timeout")));
    }
}
