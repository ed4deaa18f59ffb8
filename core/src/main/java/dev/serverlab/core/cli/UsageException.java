package dev.serverlab.core.cli;

/**
 * The command line is wrong: an unknown flag, a missing or bad value, a
 * flag given twice, a stray argument. The message is one line that names
 * the flag at fault, e.g. {@code --workers: "0" is outside 1..10000};
 * {@link StageLauncher} prints it after the stage name, then the usage, and
 * exits with status 2.
 *
 * <p>A stage's server factory may throw it too, for a rule that spans two
 * flags (say, a read timeout longer than the idle timeout).
 */
public final class UsageException extends RuntimeException {

    public UsageException(String reason) {
        super(reason);
    }
}
