package dev.serverlab.keepalive;

import dev.serverlab.core.cli.Flag;
import dev.serverlab.core.cli.StageLauncher;
import java.time.Duration;
import java.util.List;

/** Stage 06 from the command line: stage 05's pool flags plus keep-alive and its idle timeout. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        StageLauncher.launch("06-keepalive-idle", "persistent connections on a pool of workers", args,
                List.of(Flag.integer("--workers", "N", "worker threads (each holds one connection)", 8, 1, 10_000),
                        Flag.integer("--queue", "N", "connections waiting for a worker; beyond: 503", 64, 0, 1_000_000),
                        Flag.duration("--read-timeout", "D", "deadline for reading one request; 0 = none",
                                Duration.ofSeconds(10)),
                        Flag.duration("--idle-timeout", "D", "close a connection idle this long between requests; 0 = never",
                                Duration.ofSeconds(30)),
                        Flag.bool("--keep-alive", "true|false", "keep connections open between requests", true)),
                options -> new KeepAliveServer(options.serverConfig(),
                        options.integer("--workers"), options.integer("--queue"),
                        options.duration("--idle-timeout"), options.duration("--read-timeout"),
                        options.bool("--keep-alive")));
    }
}
