package dev.serverlab.nio;

import dev.serverlab.testkit.KeepAliveContract;
import dev.serverlab.testkit.PartialIoContract;
import dev.serverlab.testkit.ScaleContract;

/**
 * {@code --loops 2}: the acceptor deals connections to two selector loops in
 * turn. Scale, keep-alive and partial I/O hold as on one loop, with one
 * more thread.
 */
class NioServerTwoLoopsTest extends NioStage implements ScaleContract, KeepAliveContract, PartialIoContract {

    @Override
    int loops() {
        return 2;
    }
}
