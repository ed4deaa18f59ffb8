package dev.serverlab.virtualthreads;

import dev.serverlab.core.cli.Flag;
import dev.serverlab.core.cli.OptInFlags;
import dev.serverlab.core.cli.StageLauncher;
import java.time.Duration;
import java.util.List;

/**
 * Runs stage 08: {@code java -jar 08-virtual-threads/target/08-virtual-threads.jar --port 4221}.
 * The flags are stage 06's timeouts plus stage 04's bound; there is no
 * {@code --workers}: there is no pool to size.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        StageLauncher.launch("08-virtual-threads", "stage 06's connection loop, one virtual thread per connection", args,
                List.of(Flag.duration("--idle-timeout", "D", "closes a connection idle between requests; 0 = never",
                                Duration.ofSeconds(30)),
                        Flag.duration("--read-timeout", "D", "deadline for reading one request; 0 = none",
                                Duration.ofSeconds(10)),
                        Flag.integer("--max-concurrent", "N", "connections served at once; more wait to be accepted",
                                10_000, 1, 1_000_000),
                        Flag.bool("--keep-alive", "true|false", "false: one request per connection", true),
                        OptInFlags.REUSE_PORT),   // several instances on one port: chapter 10
                options -> new VirtualThreadServer(options.serverConfig(), options.integer("--max-concurrent"),
                        options.duration("--idle-timeout"), options.duration("--read-timeout"),
                        options.bool("--keep-alive")));
    }
}
