package dev.serverlab.checker;

import dev.serverlab.testkit.BadInputContract;

/** {@link BadInputContract} against the server under check. */
public class BadInputCheck implements BadInputContract, ExternalStage {
}
