package dev.serverlab.semaphore;

import dev.serverlab.core.cli.Flag;
import dev.serverlab.core.cli.StageLauncher;
import java.util.List;

/** Starts stage 04: {@code java -jar 04-semaphore-limit.jar --max-concurrent 64 --when-full reject}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        StageLauncher.launch("04-semaphore-limit", "a semaphore bounds concurrent connections", args,
                List.of(Flag.integer("--max-concurrent", "N", "connections served at once", 64, 1, 100_000),
                        Flag.choice("--when-full", "wait|reject",
                                "wait: stop accepting until a permit frees; reject: 503 at once", "wait",
                                List.of("wait", "reject"))),
                options -> new SemaphoreServer(options.serverConfig(), options.integer("--max-concurrent"),
                        WhenFull.parse(options.choice("--when-full"))));
    }
}
