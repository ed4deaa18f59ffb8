package dev.serverlab.checker;

import dev.serverlab.testkit.ScaleContract;

/**
 * {@link ScaleContract} against the server under check; its threads are
 * counted in {@code /proc/PID/status} of the process that listens.
 */
public class ScaleCheck implements ScaleContract, ExternalStage {

    @Override
    public int maxPlatformThreads() {
        return StageClaims.SCALE_MAX_ADDED_THREADS;
    }
}
