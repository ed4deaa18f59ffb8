package dev.serverlab.checker;

import dev.serverlab.testkit.Transcript;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a learner reads under a failed check: what was expected (the
 * contract's assertion), the bytes sent and what came back (or EOF, reset,
 * timeout), a hint, where the check is written, and the server's own output
 * if it died.
 */
final class FailureReport {

    private static final String INDENT = "      ";
    private static final int MAX_MESSAGE_LINES = 12;

    private FailureReport() {
    }

    static void print(PrintStream out, String method, Throwable failure, Optional<Transcript> transcript,
                      List<ExternalServer> servers) {
        printMessage(out, failure);
        if (failure instanceof ExternalServer.ServerNotListening) {
            out.println(INDENT + "hint: run the command yourself, with a port for {port}: it must keep running"
                    + " and listen on that port");
            return; // the message has the command and the server's output
        }
        transcript.ifPresent(t -> out.print(t.describe(INDENT)));
        Optional<ExternalServer> crashed = servers.stream().filter(s -> s.failedExit().isPresent()).findFirst();
        OptionalInt crash = crashed.map(ExternalServer::failedExit).orElse(OptionalInt.empty());
        Hints.forFailure(method, failure, transcript, crash).ifPresent(h -> out.println(INDENT + "hint: " + h));
        whereWritten(failure).ifPresent(w -> out.println(INDENT + "check: " + w));
        crashed.ifPresent(s -> out.println(INDENT + "server: exited with status " + crash.getAsInt()
                + s.outputText(INDENT)));
    }

    private static void printMessage(PrintStream out, Throwable failure) {
        boolean assertion = failure instanceof AssertionError;
        String message = String.valueOf(failure.getMessage()).strip();
        List<String> lines = message.lines().filter(l -> !l.isBlank()).toList();
        // AssertJ's messages say "expected ... but was ..." themselves.
        String first = assertion ? "failed: " : "error: " + failure.getClass().getSimpleName() + ": ";
        for (int i = 0; i < Math.min(lines.size(), MAX_MESSAGE_LINES); i++) {
            out.println(INDENT + (i == 0 ? first : "  ") + lines.get(i).strip());
        }
        if (lines.isEmpty()) {
            out.println(INDENT + first.strip());
        } else if (lines.size() > MAX_MESSAGE_LINES) {
            out.println(INDENT + "  … (" + (lines.size() - MAX_MESSAGE_LINES) + " more lines)");
        }
    }

    /** The first stack frame in a testkit contract: the line a learner can read to see the check. */
    private static Optional<String> whereWritten(Throwable failure) {
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (frame.getClassName().startsWith("dev.serverlab.testkit.") && frame.getClassName().endsWith("Contract")) {
                return Optional.of("testkit/src/main/java/" + frame.getClassName().replace('.', '/') + ".java:"
                        + frame.getLineNumber());
            }
        }
        return Optional.empty();
    }
}
