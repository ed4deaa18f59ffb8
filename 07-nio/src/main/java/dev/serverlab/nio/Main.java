package dev.serverlab.nio;

import dev.serverlab.core.cli.Flag;
import dev.serverlab.core.cli.StageLauncher;
import java.util.List;

/** Stage 07 from the command line: one selector thread, plus workers for handlers that may block. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        NioOptions defaults = NioOptions.DEFAULTS;
        StageLauncher.launch("07-nio", "a selector reactor: non-blocking sockets, few threads", args,
                List.of(Flag.integer("--workers", "N", "threads for handlers that may block (/sleep, /files); "
                                + "0 = run every handler on the loop", defaults.workers(), 0, 10_000),
                        Flag.duration("--idle-timeout", "D", "close a connection idle this long between requests; 0 = never",
                                defaults.idleTimeout()),
                        Flag.duration("--read-timeout", "D", "deadline for reading one request once begun; 0 = none",
                                defaults.readTimeout()),
                        Flag.bool("--keep-alive", "true|false", "keep connections open between requests",
                                defaults.keepAlive())),
                options -> new NioServer(options.serverConfig(), new NioOptions(options.integer("--workers"),
                        options.duration("--idle-timeout"), options.duration("--read-timeout"),
                        options.bool("--keep-alive"))));
    }
}
