package dev.serverlab.checker;

import dev.serverlab.testkit.LimitsContract;

/** {@link LimitsContract} against the server under check, whose group's flags bound it at {@link StageClaims#LIMIT}. */
public class LimitsCheck implements LimitsContract, ExternalStage {

    @Override
    public int servedAtOnce() {
        return StageClaims.LIMIT;
    }
}
