package dev.serverlab.nio;

import dev.serverlab.testkit.BadInputContract;
import dev.serverlab.testkit.ConcurrencyContract;
import dev.serverlab.testkit.KeepAliveContract;
import dev.serverlab.testkit.LaunchContract;
import dev.serverlab.testkit.PartialIoContract;
import dev.serverlab.testkit.RoutesContract;
import dev.serverlab.testkit.ScaleContract;

/**
 * Stage 07 serves the same contracts as stage 06 — routes, bad input,
 * keep-alive — on one selector loop, and what 06 could not: thousands of
 * connections on a handful of threads, and slow clients that cost only
 * their own connection. {@link NioServerTwoLoopsTest} runs scale,
 * keep-alive and partial I/O again on two loops.
 */
class NioServerTest extends NioStage implements RoutesContract, BadInputContract, ConcurrencyContract,
        KeepAliveContract, ScaleContract, PartialIoContract, LaunchContract {

    @Override
    int loops() {
        return 1;
    }

    @Override
    public Class<?> mainClass() {
        return Main.class;
    }
}
