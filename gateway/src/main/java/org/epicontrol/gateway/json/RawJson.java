package org.epicontrol.gateway.json;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * A JSON value already written (the {@code data} the shaper wrote while shaping), as a value of a response body that
 * {@link JsonBodies} writes as it is. The bytes sit in a buffer that begins with {@link #DATA_PREFIX}, so that the
 * usual response, {@code {"data": ...}} alone, is that buffer closed with one byte: no copy.
 */
public final class RawJson {
    /** What the buffer of a response's data begins with. */
    public static final byte[] DATA_PREFIX = "{\"data\":".getBytes(StandardCharsets.US_ASCII);

    private final ByteBuf buffer;
    private final int start;
    private final int end;
    private Buffer whole;

    /** The value is {@code buffer}'s bytes from {@code start} to its writer index. */
    public RawJson(ByteBuf buffer, int start) {
        this.buffer = buffer;
        this.start = start;
        this.end = buffer.writerIndex();
    }

    /** The value's bytes (a view, not a copy). */
    ByteBuf bytes() {
        return buffer.slice(start, end - start);
    }

    /** The body {@code {"data": <this>}}, when the buffer was started with {@link #DATA_PREFIX}; else null. */
    synchronized Buffer dataBody() {
        if (whole == null) {
            if (start != DATA_PREFIX.length || buffer.writerIndex() != end) {
                return null;
            }
            buffer.writeByte('}');
            whole = Buffer.buffer(buffer);
        }
        return whole;
    }

    @Override
    public String toString() {
        return buffer.toString(start, end - start, StandardCharsets.UTF_8);
    }
}
