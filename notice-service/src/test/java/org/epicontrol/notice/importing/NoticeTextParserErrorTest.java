package org.epicontrol.notice.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Texts that are not notices, and hostile sizes. */
class NoticeTextParserErrorTest {

    private static final int ONE_MB = 1 << 20;
    // CPU time of the parsing thread: other builds on a shared 2-core machine must not make the test flaky.
    private static final long WELL_UNDER_A_SECOND_MS = 800;
    // Wall-clock stop for a real blow-up, which would otherwise run for minutes.
    private static final Duration HANG = Duration.ofSeconds(20);
    private static final String HOSTILE_HEADER = "市疫情防控办发布第301号通告\n12月9日。新增高风险区1个,分别是:\n小店区(1个):";
    // Same, but the hostile text lands in the measures after a closed list.
    private static final String HOSTILE_MEASURES = HOSTILE_HEADER + "晋阳紫城小区。\n高风险区实行\n";
    // Each repeats something a pattern could trip over: unclosed parentheses, level names, header words, headers.
    private static final List<String> HOSTILE_UNITS = List.of("(", "高风险区,", "根据", "市疫情防控办", "小店区(1个):",
            "新增高风险区1个,分别是:", "12345678", "晋阳紫城\n", "足不出户\n", "第", "11月");

    private final NoticeTextParser parser = new NoticeTextParser(NoticeFixtures.LEVELS);

    /**
     * Runs every shape once at 64 KB so that the timed runs measure the algorithm, not the JIT warming up; a
     * backtracking blow-up would still show at 1 MB.
     */
    @BeforeAll
    static void warmUp() {
        NoticeTextParser warm = new NoticeTextParser(NoticeFixtures.LEVELS);
        warm.parse(NoticeFixtures.read("taiyuan-2022-195.txt"));
        warm.parse(bigNotice(64 * 1024));
        for (String unit : HOSTILE_UNITS) {
            String body = unit.repeat(64 * 1024 / unit.length());
            for (String prefix : List.of(HOSTILE_HEADER, HOSTILE_MEASURES, "")) {
                parseOrReject(warm, prefix + body);
            }
        }
    }

    @Test
    void rejectsBlankTextAsTextEmpty() {
        assertCode("TEXT_EMPTY", () -> parser.parse(""));
        assertCode("TEXT_EMPTY", () -> parser.parse(" \n\t\u3000\r\n "));
        assertCode("TEXT_EMPTY", () -> parser.parse(null));
    }

    @Test
    void rejectsProseAsNotANotice() {
        assertCode("NOT_A_NOTICE", () -> parser.parse("今天天气很好。我们去公园散步,看到很多人在跳舞。\n晚上回家吃饭。"));
        assertCode("NOT_A_NOTICE", () -> parser.parse("高风险区实行“足不出户、上门服务”,低风险区实行“个人防护,避免聚集”。"));
    }

    @Test
    void rejectsANoticeWithoutItsNumber() {
        String text = NoticeFixtures.read("taiyuan-2022-194.txt").replace("第194号", "");
        assertFalse(text.contains("194"));
        NoticeFormatException e = assertThrows(NoticeFormatException.class, () -> parser.parse(text));
        assertEquals("NOTICE_NUMBER_MISSING", e.code());
        assertTrue(e.getMessage().contains("number"), e.getMessage());
    }

    @Test
    void rejectsANoticeWithoutAnyDate() {
        String text = NoticeFixtures.read("taiyuan-2022-195.txt").replace("11月30日,", "");
        assertCode("DATE_MISSING", () -> parser.parse(text));
    }

    @Test
    void parsesAOneMegabyteNoticeWellUnderASecond() {
        String text = bigNotice(ONE_MB);
        assertTrue(text.length() >= ONE_MB);

        ParsedNotice[] parsed = new ParsedNotice[1];
        assertFast(() -> parsed[0] = parser.parse(text), "1 MB notice");
        ParsedNotice n = parsed[0];
        int items = n.sections().get(0).itemCount();
        assertTrue(items > 50_000, "items: " + items);
        assertEquals("文兴苑", n.sections().get(0).districts().get(0).items().get(items - 1));
        assertEquals(List.of("DISTRICT_COUNT_MISMATCH", "SECTION_COUNT_MISMATCH"),
                n.warnings().stream().map(ParseWarning::code).toList());
    }

    @Test
    void rejectsOneMegabyteOfProseWellUnderASecond() {
        String text = "今天天气很好,我们去公园散步。".repeat(ONE_MB / 15);
        assertFast(() -> assertCode("NOT_A_NOTICE", () -> parser.parse(text)), "1 MB of prose");
    }

    @Test
    void survivesPathologicalRepetitionsWithoutBacktrackingBlowUp() {
        for (String unit : HOSTILE_UNITS) {
            String body = unit.repeat(ONE_MB / unit.length());
            for (String text : List.of(HOSTILE_HEADER + body, HOSTILE_MEASURES + body, body)) {
                assertFast(() -> parseOrReject(parser, text), "1 MB of \"" + unit + "\"");
            }
        }
    }

    /** A well-formed notice with one district listing about {@code size} chars of items. */
    private static String bigNotice(int size) {
        StringBuilder sb = new StringBuilder("## 市疫情防控办发布第300号通告:\n\n12月9日,市疫情防控办发布第300号通告。"
                + "新增高风险区1个,分别是:\n\n小店区(1个):");
        int items = 0;
        while (sb.length() < size) {
            sb.append("晋阳紫城小区").append(items).append("号楼2单元,");
            items++;
        }
        return sb.append("文兴苑。").toString();
    }

    /** Runs {@code work} and asserts it used well under a second of CPU (and did not hang). */
    private static void assertFast(Runnable work, String what) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported();
        long spentMs = assertTimeoutPreemptively(HANG, () -> {
            long start = cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime();
            work.run();
            long end = cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime();
            return (end - start) / 1_000_000;
        }, () -> what + " hangs");
        assertTrue(spentMs < WELL_UNDER_A_SECOND_MS, () -> what + " took " + spentMs + " ms of CPU");
    }

    private static void parseOrReject(NoticeTextParser p, String text) {
        try {
            p.parse(text);
        } catch (NoticeFormatException rejected) {
            // rejecting is as good as parsing here; only the time matters
        }
    }

    private static void assertCode(String code, Executable call) {
        NoticeFormatException e = assertThrows(NoticeFormatException.class, call);
        assertEquals(code, e.code());
        assertFalse(e.getMessage().isBlank());
    }
}
