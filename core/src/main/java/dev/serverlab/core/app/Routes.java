package dev.serverlab.core.app;

import dev.serverlab.core.http.Request;
import dev.serverlab.core.http.Response;
import dev.serverlab.core.http.Status;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A route table: method and path pattern to action, and the two answers a
 * router owes when nothing matches (RFC 9110 §15.5.5, §15.5.6):
 * no route for the path at all is {@code 404}; routes for the path but none
 * for the method is {@code 405} with an {@code Allow} header listing the
 * methods that would have worked.
 *
 * <p>A pattern is a literal path ({@code /stats}) or a literal prefix ending
 * in one placeholder ({@code /echo/{text}}) that takes the whole rest of the
 * path, {@code /} included, still percent-encoded: decoding is the action's
 * business, because only it knows whether the rest is text or a file name.
 *
 * <p>{@code HEAD} is answered by the {@code GET} route (RFC 9110 §9.3.2):
 * the action builds the full response and the encoder leaves the body out.
 */
final class Routes {

    /** What a route does, given the request and the path's rest after the pattern's prefix. */
    @FunctionalInterface
    interface Action {
        Response apply(Request request, String rest);
    }

    private record Route(String method, String prefix, boolean takesRest, Action action) {

        /** The rest of the path if it matches: empty string for a literal pattern. */
        Optional<String> match(String path) {
            if (takesRest) {
                return path.startsWith(prefix) ? Optional.of(path.substring(prefix.length())) : Optional.empty();
            }
            return path.equals(prefix) ? Optional.of("") : Optional.empty();
        }
    }

    private final List<Route> routes = new ArrayList<>();

    Routes get(String pattern, Action action) {
        return add("GET", pattern, action);
    }

    Routes post(String pattern, Action action) {
        return add("POST", pattern, action);
    }

    private Routes add(String method, String pattern, Action action) {
        int brace = pattern.indexOf('{');
        if (brace < 0) {
            routes.add(new Route(method, pattern, false, action));
        } else if (pattern.endsWith("}") && brace == pattern.lastIndexOf('{')) {
            routes.add(new Route(method, pattern.substring(0, brace), true, action));
        } else {
            throw new IllegalArgumentException("one placeholder, at the end only: " + pattern);
        }
        return this;
    }

    /** Runs the first route matching method and path, or answers 404 or 405. */
    Response dispatch(Request request) {
        String path = request.path();
        String method = request.method().equals("HEAD") ? "GET" : request.method();
        Set<String> allowed = Set.of(); // a set only once a path matches with another method: most never do
        for (Route route : routes) {
            Optional<String> rest = route.match(path);
            if (rest.isEmpty()) {
                continue;
            }
            if (route.method().equals(method)) {
                return route.action().apply(request, rest.get());
            }
            if (allowed.isEmpty()) {
                allowed = new LinkedHashSet<>();
            }
            allowed.add(route.method());
            if (route.method().equals("GET")) {
                allowed.add("HEAD");
            }
        }
        if (allowed.isEmpty()) {
            return Response.text(Status.NOT_FOUND, "no route for " + path);
        }
        String allow = String.join(", ", allowed);
        return Response.text(Status.METHOD_NOT_ALLOWED, request.method() + " is not allowed here; use " + allow)
                .withHeader("Allow", allow);
    }
}
