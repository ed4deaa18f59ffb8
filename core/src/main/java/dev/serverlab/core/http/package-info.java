/**
 * Sans-I/O HTTP/1.1: an incremental request parser, a request assembler and
 * a response encoder that never touch a socket, so blocking stages and the
 * NIO stage share them. {@link dev.serverlab.core.http.RequestParser} has
 * the theory of operation.
 *
 * <h2>Fuzzing the parser</h2>
 *
 * <p>{@code RequestParserFuzzTest} and {@code RequestAssemblerFuzzTest}
 * (Jazzer {@code @FuzzTest}s in core's tests) check that any cut of an input
 * yields the same events as the whole input, that only
 * {@link dev.serverlab.core.http.HttpProtocolException} escapes, and that
 * a waiting parser buffers at most one line. A normal {@code ./mvnw verify}
 * replays their committed corpus
 * ({@code core/src/test/resources/dev/serverlab/core/http/*FuzzTestInputs/}).
 * To fuzz for a real budget, one target at a time:
 *
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -pl core test -Dtest=RequestParserFuzzTest -Djazzer.max_duration=5m
 * </pre>
 *
 * <p>{@code jazzer.max_duration} (or the environment variable
 * {@code JAZZER_MAX_DURATION}) overrides the annotation's 30 s. The
 * generated corpus goes to {@code core/.cifuzz-corpus/} (not committed); a
 * crashing input is written into the test's {@code Inputs} directory, where
 * it becomes a regression case once committed.
 */
package dev.serverlab.core.http;
