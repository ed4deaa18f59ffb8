package dev.serverlab.singleconnection;

import dev.serverlab.core.cli.StageLauncher;
import java.util.List;

/** {@code ./serve 01}: answers the first request that arrives, then exits. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        StageLauncher.launch("01-single-connection", "accept one connection, answer it, exit", args,
                List.of(), options -> new SingleConnectionServer(options.serverConfig()));
    }
}
