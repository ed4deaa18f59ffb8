package dev.serverlab.core.net;

import java.net.SocketTimeoutException;

/**
 * A read gave up waiting. {@link #midRequest()} tells the two cases apart:
 * a client idle between requests (close quietly) and a client that began a
 * request and stalled (answer 408, then close).
 */
public final class RequestTimeoutException extends SocketTimeoutException {
    private static final long serialVersionUID = 1L;

    private final boolean midRequest;

    public RequestTimeoutException(boolean midRequest) {
        super(midRequest ? "read timeout: request incomplete" : "idle timeout: no request");
        this.midRequest = midRequest;
    }

    /** True if part of a request had arrived when time ran out. */
    public boolean midRequest() {
        return midRequest;
    }
}
