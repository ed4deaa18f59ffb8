package dev.serverlab.checker;

import dev.serverlab.testkit.RoutesContract;

/** {@link RoutesContract} against the server under check. */
public class RoutesCheck implements RoutesContract, ExternalStage {
}
