package dev.serverlab.sequential;

import dev.serverlab.core.cli.StageLauncher;
import java.util.List;

/** {@code ./serve 02}: serves connections one after another until stopped. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        StageLauncher.launch("02-sequential", "an accept loop, one connection at a time", args,
                List.of(), options -> new SequentialServer(options.serverConfig()));
    }
}
