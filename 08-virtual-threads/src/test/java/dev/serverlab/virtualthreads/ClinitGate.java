package dev.serverlab.virtualthreads;

/**
 * A class whose static initialiser does not return until {@link CarrierPins}
 * lets it. The JVM runs a static initialiser through a native frame, so a
 * virtual thread blocked in one cannot unmount: it pins its carrier, on
 * every JDK so far, JEP 491 included. {@link CarrierPins} defines this class
 * afresh (as a hidden class) for each carrier it pins, since a class is
 * initialised only once.
 */
final class ClinitGate {

    static {
        CarrierPins.holdCarrier();
    }

    private ClinitGate() {
    }
}
