package org.epicontrol.common.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineLoggingStreamTest {
    private final List<String> lines = new ArrayList<>();

    private PrintStream stream(int maxLine) {
        return new PrintStream(new LineLoggingStream(lines::add, maxLine), true, StandardCharsets.UTF_8);
    }

    @Test
    void eachLineBecomesOneRecordAndFlushesDoNotCutALine() {
        PrintStream err = stream(1024);
        err.print("io.vertx.pgclient.PgException: FATAL: terminating connection ");
        err.flush();
        err.println("due to administrator command (57P01)");
        new IllegalStateException("连接断开").printStackTrace(err);
        assertEquals("io.vertx.pgclient.PgException: FATAL: terminating connection due to administrator command (57P01)",
                lines.get(0));
        assertEquals("java.lang.IllegalStateException: 连接断开", lines.get(1));
        assertEquals(true, lines.get(2).startsWith("\tat org.epicontrol.common.logging.LineLoggingStreamTest"));
    }

    @Test
    void blankLinesAreDroppedAndCarriageReturnsRemoved() {
        PrintStream err = stream(1024);
        err.print("one\r\n\n   \ntwo\n");
        assertEquals(List.of("one", "two"), lines);
    }

    @Test
    void aLineWithoutEndIsCutAtTheLimit() {
        PrintStream err = stream(4);
        err.print("abcdefghij");
        err.close();
        assertEquals(List.of("abcd", "efgh", "ij"), lines);
    }
}
