package dev.serverlab.core.app;

import dev.serverlab.core.http.Request;
import dev.serverlab.core.http.Response;
import dev.serverlab.core.http.Status;
import java.nio.file.Path;
import java.util.Optional;

/** Placeholder until the real routes land. */
public final class DemoApp implements Handler {
    private final ServerStats stats;

    public DemoApp(ServerStats stats, Optional<Path> directory) {
        this.stats = stats;
    }

    @Override
    public Response handle(Request request) {
        stats.requestReceived();
        if (request.path().startsWith("/echo/")) {
            return Response.text(Status.OK, request.path().substring(6));
        }
        if (request.path().startsWith("/sleep/")) {
            try {
                Thread.sleep(Long.parseLong(request.path().substring(7)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Response.text(Status.OK, "slept");
        }
        return request.path().equals("/") ? Response.of(Status.OK) : Response.of(Status.NOT_FOUND);
    }
}
