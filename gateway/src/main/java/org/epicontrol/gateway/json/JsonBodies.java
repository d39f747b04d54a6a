package org.epicontrol.gateway.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.epicontrol.gateway.execute.ShapedObject;

/**
 * Writes JSON trees (maps, lists, strings, numbers, booleans, null: what the gateway builds and parses) straight into
 * a Netty buffer: no intermediate byte array copied into the response, and no serializer looked up per value, which
 * is what writing answers costs most in {@code ObjectMapper}. Any other value is written by the mapper, as before.
 */
public final class JsonBodies {
    private static final int INITIAL_CAPACITY = 512;

    private final ObjectMapper mapper;

    public JsonBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** {@code value} as a JSON document in a new buffer. */
    public Buffer buffer(Object value) throws IOException {
        if (value instanceof Map<?, ?> body && body.size() == 1 && body.get("data") instanceof RawJson data) {
            Buffer whole = data.dataBody(); // the usual answer: the shaper's buffer is the body
            if (whole != null) {
                return whole;
            }
        }
        ByteBuf bytes = Unpooled.buffer(INITIAL_CAPACITY);
        write(bytes, value);
        return Buffer.buffer(bytes);
    }

    /** {@code prefix} then {@code value} as a JSON document, in a new buffer. */
    public Buffer buffer(byte[] prefix, Object value) throws IOException {
        ByteBuf bytes = Unpooled.buffer(INITIAL_CAPACITY + prefix.length);
        bytes.writeBytes(prefix);
        write(bytes, value);
        return Buffer.buffer(bytes);
    }

    /** {@code value} as a JSON document in an array (the request body of a subgraph fetch, an ETag's input). */
    public byte[] bytes(Object value) throws IOException {
        ByteBuf bytes = Unpooled.buffer(INITIAL_CAPACITY);
        write(bytes, value);
        byte[] out = new byte[bytes.readableBytes()];
        bytes.readBytes(out);
        return out;
    }

    private void write(ByteBuf into, Object value) throws IOException {
        try (JsonGenerator g = mapper.getFactory().createGenerator((OutputStream) new ByteBufOutputStream(into))) {
            value(g, value, into);
        }
    }

    private void value(JsonGenerator g, Object v, ByteBuf into) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof RawJson raw) {
            g.writeRawValue(""); // the separator before a value, then the generator's bytes out before the raw ones
            g.flush();
            into.writeBytes(raw.bytes());
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof ShapedObject o) {
            g.writeStartObject();
            for (int i = 0, n = o.size(); i < n; i++) {
                g.writeFieldName(o.keyAt(i));
                value(g, o.valueAt(i), into);
            }
            g.writeEndObject();
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                value(g, e.getValue(), into);
            }
            g.writeEndObject();
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (int i = 0, n = list.size(); i < n; i++) {
                value(g, list.get(i), into);
            }
            g.writeEndArray();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (v instanceof BigInteger i) {
            g.writeNumber(i);
        } else {
            mapper.writeValue(g, v); // anything else as the mapper writes it
        }
    }
}
