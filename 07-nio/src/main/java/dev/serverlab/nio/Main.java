package dev.serverlab.nio;

import dev.serverlab.core.cli.Flag;
import dev.serverlab.core.cli.OptInFlags;
import dev.serverlab.core.cli.StageLauncher;
import java.util.List;

/** Stage 07 from the command line: an acceptor, selector loops, and workers for handlers that may block. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        NioOptions defaults = NioOptions.DEFAULTS;
        StageLauncher.launch("07-nio", "selector reactors: non-blocking sockets, few threads", args,
                List.of(Flag.integer("--loops", "N", "selector loops, each serving its share of the connections "
                                + "(default: one per core)", defaults.loops(), 1, 1_024),
                        Flag.integer("--workers", "N", "threads for handlers that may block (/sleep, /files); "
                                + "0 = run every handler on its loop", defaults.workers(), 0, 10_000),
                        Flag.duration("--idle-timeout", "D", "close a connection idle this long between requests; 0 = never",
                                defaults.idleTimeout()),
                        Flag.duration("--read-timeout", "D", "deadline for reading one request once begun; 0 = none",
                                defaults.readTimeout()),
                        Flag.bool("--keep-alive", "true|false", "keep connections open between requests",
                                defaults.keepAlive()),
                        OptInFlags.REUSE_PORT),   // several instances on one port: chapter 10
                options -> new NioServer(options.serverConfig(), new NioOptions(options.integer("--loops"),
                        options.integer("--workers"), options.duration("--idle-timeout"),
                        options.duration("--read-timeout"), options.bool("--keep-alive"))));
    }
}
