package dev.serverlab.checker;

import dev.serverlab.testkit.ConcurrencyContract;

/** {@link ConcurrencyContract} against the server under check. */
public class ConcurrencyCheck implements ConcurrencyContract, ExternalStage {
}
