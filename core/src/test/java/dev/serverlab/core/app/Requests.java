package dev.serverlab.core.app;

import dev.serverlab.core.http.Headers;
import dev.serverlab.core.http.HttpVersion;
import dev.serverlab.core.http.Request;
import dev.serverlab.core.http.RequestHead;
import java.nio.charset.StandardCharsets;

/** Requests built in memory, as the parser would hand them over: no sockets in app tests. */
final class Requests {

    private Requests() {
    }

    static Request request(String method, String target, byte[] body, String... headers) {
        return new Request(new RequestHead(method, target, HttpVersion.HTTP_1_1, Headers.of(headers)), body);
    }

    static Request request(String method, String target, String... headers) {
        return request(method, target, new byte[0], headers);
    }

    static Request get(String target, String... headers) {
        return request("GET", target, headers);
    }

    static Request post(String target, String body) {
        return request("POST", target, body.getBytes(StandardCharsets.UTF_8));
    }
}
