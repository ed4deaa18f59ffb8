package dev.serverlab.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

/** Assertions about a running server that several contracts share. */
public final class Probes {

    private Probes() {
    }

    /** One plain request on a fresh connection: the server must still answer it. */
    public static void assertStillServes(int port) throws IOException {
        try (RawClient client = RawClient.connect(port)) {
            RawResponse response = client.send(Requests.get("/echo/still-here")).readResponse();
            assertThat(response.status()).as("a normal request after the bad one").isEqualTo(200);
            assertThat(response.bodyText()).isEqualTo("still-here");
        }
    }

    /** Sends raw bytes on a fresh connection and returns the one response. */
    public static RawResponse exchange(int port, String request) throws IOException {
        try (RawClient client = RawClient.connect(port)) {
            return client.send(request).readResponse();
        }
    }
}
