package dev.serverlab.core.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlab.core.http.Headers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GzipCodingTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "gzip", "GZIP", "gzip;q=0.5", "gzip; q=1", "gzip;Q=0.001", "gzip;q=1.000",
        "deflate, gzip", "br;q=1.0, gzip;q=0.8, *;q=0.1", " gzip ",
    })
    void acceptsGzipListedWithAWeightAboveZero(String acceptEncoding) {
        assertThat(GzipCoding.accepts(Headers.of("Accept-Encoding", acceptEncoding))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "br", "deflate, br", "*", "x-gzip", "gzip;q=0", "gzip;q=0.000", "gzip;q=0.", "gzips",
        "gzip;q=abc", "gzip;q=1.5", "gzip;q=0.0001",
    })
    void refusesGzipWhenAbsentZeroWeightedOrUnreadable(String acceptEncoding) {
        assertThat(GzipCoding.accepts(Headers.of("Accept-Encoding", acceptEncoding))).isFalse();
    }

    @Test
    void refusesGzipWithoutAnAcceptEncodingHeader() {
        assertThat(GzipCoding.accepts(Headers.empty())).isFalse();
    }

    @Test
    void looksAtEveryAcceptEncodingLine() {
        assertThat(GzipCoding.accepts(Headers.of("Accept-Encoding", "br", "Accept-Encoding", "gzip"))).isTrue();
    }

    @Test
    void compressedBodyDecompressesToTheOriginal() throws IOException {
        byte[] original = "abc".repeat(1000).getBytes(StandardCharsets.UTF_8);
        byte[] compressed = GzipCoding.compress(original);
        assertThat(compressed.length).isLessThan(original.length);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            assertThat(in.readAllBytes()).isEqualTo(original);
        }
    }
}
