package dev.serverlab.checker;

import dev.serverlab.testkit.OneRequestPerConnectionContract;

/** {@link OneRequestPerConnectionContract} against the server under check. */
public class OneRequestPerConnectionCheck implements OneRequestPerConnectionContract, ExternalStage {
}
