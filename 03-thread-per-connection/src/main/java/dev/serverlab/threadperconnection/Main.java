package dev.serverlab.threadperconnection;

import dev.serverlab.core.cli.StageLauncher;
import java.util.List;

/** Starts stage 03: {@code java -jar 03-thread-per-connection.jar --port 4221}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        StageLauncher.launch("03-thread-per-connection", "a new platform thread per connection", args,
                List.of(), options -> new ThreadPerConnectionServer(options.serverConfig()));
    }
}
