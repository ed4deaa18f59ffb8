package dev.serverlab.core.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An ordered, immutable list of header fields. Names compare without regard
 * to case (RFC 9110 §5.1); a field may repeat, and {@link #all} returns every
 * value in order, since some fields (Transfer-Encoding, Content-Length) must
 * be checked across all their lines.
 */
public final class Headers {

    /** One header field line: a name and its value, trimmed of whitespace. */
    public record Field(String name, String value) {
    }

    private static final Headers EMPTY = new Headers(List.of());

    private final List<Field> fields;

    private Headers(List<Field> fields) {
        this.fields = fields;
    }

    public static Headers empty() {
        return EMPTY;
    }

    /** Headers from alternating names and values: {@code of("Content-Type", "text/plain")}. */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        List<Field> list = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            list.add(new Field(namesAndValues[i], namesAndValues[i + 1]));
        }
        return new Headers(List.copyOf(list));
    }

    static Headers copyOf(List<Field> fields) {
        return new Headers(List.copyOf(fields));
    }

    /** The first value of the named field, if any. */
    public Optional<String> first(String name) {
        for (Field f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                return Optional.of(f.value());
            }
        }
        return Optional.empty();
    }

    /** Every value of the named field, in the order received; read-only (may be {@code List.of()}). */
    public List<String> all(String name) {
        List<String> values = List.of(); // the parser asks for fields most requests lack: no list for none
        for (Field f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                if (values.isEmpty()) {
                    values = new ArrayList<>(2);
                }
                values.add(f.value());
            }
        }
        return values;
    }

    public boolean contains(String name) {
        return first(name).isPresent();
    }

    /**
     * Whether a comma-separated field such as {@code Connection} or
     * {@code Accept-Encoding} lists {@code token}, ignoring case and any
     * parameters ({@code gzip;q=1.0} lists {@code gzip}).
     */
    public boolean listsToken(String name, String token) {
        for (String value : all(name)) {
            for (String element : value.split(",")) {
                String bare = element.split(";", 2)[0].strip();
                if (bare.equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A copy with one more field at the end. */
    public Headers with(String name, String value) {
        List<Field> list = new ArrayList<>(fields);
        list.add(new Field(name, value));
        return new Headers(List.copyOf(list));
    }

    /** A copy without any field of this name. */
    public Headers without(String name) {
        List<Field> list = new ArrayList<>();
        for (Field f : fields) {
            if (!f.name().equalsIgnoreCase(name)) {
                list.add(f);
            }
        }
        return new Headers(List.copyOf(list));
    }

    public List<Field> fields() {
        return fields;
    }

    public int size() {
        return fields.size();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Field f : fields) {
            sb.append(f.name()).append(": ").append(f.value()).append('\n');
        }
        return sb.toString();
    }
}
