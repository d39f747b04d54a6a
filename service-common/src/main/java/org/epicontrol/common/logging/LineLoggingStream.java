package org.epicontrol.common.logging;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * An output stream that hands each complete line written to it to {@code sink} (without its line end), so that text
 * a library prints to the standard error stream becomes log records. Lines are cut at {@code maxLine} characters'
 * worth of bytes, so one unterminated write cannot grow the buffer without bound. Thread-safe.
 */
final class LineLoggingStream extends OutputStream {
    private final Consumer<String> sink;
    private final int maxLine;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    LineLoggingStream(Consumer<String> sink, int maxLine) {
        this.sink = sink;
        this.maxLine = maxLine;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
        } else if (b != '\r') {
            line.write(b);
            if (line.size() >= maxLine) {
                emit();
            }
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int off, int len) {
        for (int i = off; i < off + len; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public synchronized void flush() {
        // a line is handed on when it ends: a flush in the middle of one (printStackTrace flushes) must not cut it
    }

    @Override
    public synchronized void close() {
        if (line.size() > 0) {
            emit();
        }
    }

    private void emit() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (!text.isBlank()) {
            sink.accept(text);
        }
    }
}
