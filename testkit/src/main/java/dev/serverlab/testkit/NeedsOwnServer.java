package dev.serverlab.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A contract test that needs a server started for it alone: it counts from
 * a fresh {@code /stats}, stops the server, or serves files from a directory
 * it fills. The checker runs it when it starts the server itself, and leaves
 * it out against a server it merely connects to ({@code ./check NN --port P}).
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Tag(NeedsOwnServer.TAG)
public @interface NeedsOwnServer {

    String TAG = "own-server";
}
