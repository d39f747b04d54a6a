package org.epicontrol.gateway.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.epicontrol.gateway.execute.ShapedObject;

/**
 * JSON written token by token straight into a Netty buffer, byte for byte as {@link JsonBodies} (Jackson's UTF-8
 * generator with its defaults) writes the same values: what lets the response shaper write while it shapes. The
 * writer keeps no state of its own (the caller writes the commas), so going back to a {@link #mark()} with
 * {@link #reset(int)} undoes everything written since: a null that propagates to an enclosing nullable value
 * rewinds to where that value began.
 */
public final class JsonOut {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes();
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

    private final ByteBuf out;
    private final ObjectMapper mapper;
    private byte[] scratch = new byte[256];

    private static final ObjectMapper PLAIN = new ObjectMapper();

    /** {@code mapper} writes what is not a string, integer, boolean, map or list (null: a plain one). */
    public JsonOut(ByteBuf out, ObjectMapper mapper) {
        this.out = out;
        this.mapper = mapper != null ? mapper : PLAIN;
    }

    public ByteBuf buffer() {
        return out;
    }

    /** Where the next value starts. */
    public int mark() {
        return out.writerIndex();
    }

    /** Forgets everything written since {@code mark}. */
    public void reset(int mark) {
        out.writerIndex(mark);
    }

    public void startObject() {
        out.writeByte('{');
    }

    public void endObject() {
        out.writeByte('}');
    }

    public void startArray() {
        out.writeByte('[');
    }

    public void endArray() {
        out.writeByte(']');
    }

    public void comma() {
        out.writeByte(',');
    }

    /** {@code "name":} */
    public void name(String name) {
        string(name);
        out.writeByte(':');
    }

    public void nullValue() {
        out.writeBytes(NULL);
    }

    /**
     * Any JSON value the gateway holds: strings, booleans and integers written here, maps and lists walked, anything
     * else (floating-point and big numbers) by the mapper, as {@link JsonBodies} does.
     */
    public void value(Object v) {
        if (v == null) {
            nullValue();
        } else if (v instanceof String s) {
            string(s);
        } else if (v instanceof Boolean b) {
            out.writeBytes(b ? TRUE : FALSE);
        } else if (v instanceof Integer i) {
            integer(i);
        } else if (v instanceof Long l) {
            integer(l);
        } else if (v instanceof ShapedObject o) {
            startObject();
            for (int i = 0, n = o.size(); i < n; i++) {
                if (i > 0) {
                    comma();
                }
                name(o.keyAt(i));
                value(o.valueAt(i));
            }
            endObject();
        } else if (v instanceof Map<?, ?> map) {
            startObject();
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    comma();
                }
                first = false;
                name(String.valueOf(e.getKey()));
                value(e.getValue());
            }
            endObject();
        } else if (v instanceof List<?> list) {
            startArray();
            for (int i = 0, n = list.size(); i < n; i++) {
                if (i > 0) {
                    comma();
                }
                value(list.get(i));
            }
            endArray();
        } else {
            try {
                out.writeBytes(mapper.writeValueAsBytes(v));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void integer(long v) {
        if (v >= 0 && v < 10) {
            out.writeByte('0' + (int) v);
        } else {
            string0(Long.toString(v));
        }
    }

    /** ASCII digits as they are. */
    private void string0(String ascii) {
        int n = ascii.length();
        byte[] b = scratch(n);
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ascii.charAt(i);
        }
        out.writeBytes(b, 0, n);
    }

    private byte[] scratch(int n) {
        if (scratch.length < n) {
            scratch = new byte[Math.max(n, scratch.length * 2)];
        }
        return scratch;
    }

    /**
     * A quoted string, escaped as Jackson's UTF-8 generator escapes by default: {@code "} and {@code \}, the short
     * escapes of control characters where JSON has them and six-character escapes (backslash, u, four upper-case hex digits) for the others, surrogates (also paired
     * ones) escaped that way too, everything else in UTF-8.
     */
    public void string(String s) {
        int n = s.length();
        byte[] b = scratch(n * 6 + 2);
        int w = 0;
        b[w++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    b[w++] = (byte) c;
                    continue;
                }
                b[w++] = '\\';
                switch (c) {
                    case '"' -> b[w++] = '"';
                    case '\\' -> b[w++] = '\\';
                    case '\b' -> b[w++] = 'b';
                    case '\t' -> b[w++] = 't';
                    case '\f' -> b[w++] = 'f';
                    case '\n' -> b[w++] = 'n';
                    case '\r' -> b[w++] = 'r';
                    default -> {
                        b[w++] = 'u';
                        b[w++] = '0';
                        b[w++] = '0';
                        b[w++] = HEX[c >> 4];
                        b[w++] = HEX[c & 0xF];
                    }
                }
            } else if (c < 0x800) {
                b[w++] = (byte) (0xC0 | (c >> 6));
                b[w++] = (byte) (0x80 | (c & 0x3F));
            } else if (c >= 0xD800 && c <= 0xDFFF) {
                b[w++] = '\\';
                b[w++] = 'u';
                b[w++] = HEX[(c >> 12) & 0xF];
                b[w++] = HEX[(c >> 8) & 0xF];
                b[w++] = HEX[(c >> 4) & 0xF];
                b[w++] = HEX[c & 0xF];
            } else {
                b[w++] = (byte) (0xE0 | (c >> 12));
                b[w++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[w++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        b[w++] = '"';
        out.writeBytes(b, 0, w);
    }
}
