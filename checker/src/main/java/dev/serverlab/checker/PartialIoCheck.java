package dev.serverlab.checker;

import dev.serverlab.testkit.PartialIoContract;

/** {@link PartialIoContract} against the server under check. */
public class PartialIoCheck implements PartialIoContract, ExternalStage {
}
