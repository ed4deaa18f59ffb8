package dev.serverlab.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A contract test that needs the server in this JVM (a handler of the
 * test's own, a limit no flag sets): the conformance checker, which starts
 * a server as a command, leaves it out and prints {@link #value()} as the reason.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Tag(InProcessOnly.TAG)
public @interface InProcessOnly {

    String TAG = "in-process";

    /** Why the test cannot run against a server in another process. */
    String value();
}
