package org.epicontrol.notice.importing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.epicontrol.common.DomainException;
import org.epicontrol.common.security.Caller;
import org.epicontrol.notice.issuer.IssuerNames;
import org.epicontrol.notice.level.RiskLevel;
import org.epicontrol.notice.notice.NewNotice;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Property test of the importer's whole reading ({@link NoticeReading}: notice parser, issuer, dates, every item
 * through the area parser) on random and adversarial texts: whatever the text, reading ends within a bounded time,
 * and the only failure is a typed {@link DomainException}. Generators are seeded: a failure names its seed and case, and
 * {@code -Dfuzz.seed=…} replays it ({@code -Dfuzz.cases=…} runs more cases per generator).
 *
 * <p>Written on JUnit's own dynamic tests rather than jqwik: jqwik 1.10 asks not to be used by coding agents, and
 * targets JUnit Platform 1.x while this build runs Platform 6.
 */
class NoticeTextFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20221130L);
    private static final int CASES = Integer.getInteger("fuzz.cases", 40);
    // Generous wall-clock bound per text on a busy shared machine; a backtracking blow-up takes minutes.
    private static final Duration BOUND = Duration.ofSeconds(5);
    // The parser's own budget, as the importer gives it: over it is a typed NOTICE_PARSE_TIMEOUT, not a hang.
    private static final Duration BUDGET = Duration.ofSeconds(3);
    // The parser's codes and the importer's date and issuer checks: every refusal a caller can get for a text.
    private static final Set<String> TYPED = Set.of(NoticeFormatException.TEXT_EMPTY,
            NoticeFormatException.NOT_A_NOTICE, NoticeFormatException.NOTICE_NUMBER_MISSING,
            NoticeFormatException.DATE_MISSING, NoticeFormatException.NOTICE_PARSE_TIMEOUT, "YEAR_MISMATCH",
            "INVALID_DATE", "DATE_IN_FUTURE", "ISSUER_UNKNOWN");
    private static final Map<String, RiskLevel> LEVELS = Map.of(
            "HIGH", new RiskLevel("HIGH", "高风险区", 30, null, null, null),
            "LOW", new RiskLevel("LOW", "低风险区", 10, null, null, null),
            "MEDIUM", new RiskLevel("MEDIUM", "中风险区", 20, null, null, null),
            "SEALED", new RiskLevel("SEALED", "封控区", 32, null, null, null),
            "CONTROLLED", new RiskLevel("CONTROLLED", "管控区", 22, null, null, null),
            "PRECAUTION", new RiskLevel("PRECAUTION", "防范区", 12, null, null, null));
    private static final Caller EDITOR = new Caller("fuzz", "fuzz-editor", Set.of(), List.of());
    private static final IssuerNames ISSUERS = new IssuerNames(NoticeSourcesTest.TAIYUAN_NAMES.stream()
            .collect(Collectors.toMap(name -> name, name -> "太原市疫情防控领导小组办公室")));

    private static final String[] BLANKS = {" ", "\u3000", "\u00A0", "\t", "\r", "\u200B", "\uFEFF", "\u2003", "\r\n"};
    private static final String[] OPENERS = {"(", "（", "【", "[", "〔"};
    private static final String[] CLOSERS = {")", "）", "】", "]", "〕"};
    // Pieces of notices that patterns key on: headers, counts, dates, numbers, separators, names.
    private static final String[] TOKENS = {"第", "号", "年", "月", "日", "起", "即日起", "时", "2022", "11", "十一",
            "高风险区", "低风险区", "新增", "调整为", "分别是", ":", "：", "、", ",", "，", "。", ";", "小店区", "(3个)",
            "（共2个）", "区", "县", "个", "号楼", "单元", "除外", "小区", "6巷5", "1.2", "市疫情防控办", "发布",
            "太原市新冠肺炎疫情防控工作领导小组办公室", "关于", "通告", "根据", "规定", "来源:", "首页 > ", "【打印】",
            "\n", "\n\n", "## ", "**", "一、", "(一)", "①"};
    private static final List<String> FIXTURES = List.of("taiyuan-2022-194.txt", "taiyuan-2022-195.txt",
            "synthetic-a-office-header-2022-165.txt", "synthetic-b-empty-district-196.txt",
            "synthetic-c-headline-mismatch-197.txt", "synthetic-d-broken-lines-198.txt",
            "synthetic-e-qingxu-zones-2022-12.txt");

    private final NoticeReading reading = new NoticeReading(ZoneId.of("Asia/Shanghai"), BUDGET);
    private final List<String> fixtures = FIXTURES.stream().map(NoticeFixtures::read).toList();

    @TestFactory
    Stream<DynamicTest> everyTextIsReadInBoundedTimeOrRefusedWithATypedError() {
        Map<String, Function<Random, String>> generators = Map.of(
                "a long run of one kind of blank inside a notice", this::blankRun,
                "deep and unbalanced brackets", this::deepBrackets,
                "thousands of items", this::thousandsOfItems,
                "random CJK, punctuation and control characters", NoticeTextFuzzTest::randomChars,
                "a mutated real notice", this::mutation,
                "notice tokens in random order", NoticeTextFuzzTest::tokenSoup);
        return generators.entrySet().stream().sorted(Map.Entry.comparingByKey()).flatMap(g ->
                IntStream.range(0, CASES).mapToObj(i -> DynamicTest.dynamicTest(g.getKey() + " #" + i, () -> {
                    // One generator per seed and case: a failing case is replayed alone.
                    Random random = new Random(SEED * 31 + g.getKey().hashCode() * 1_000_003L + i);
                    String text = g.getValue().apply(random);
                    readWithinBound(text, "seed " + SEED + ", " + g.getKey() + " #" + i + ", " + text.length()
                            + " chars");
                })));
    }

    private void readWithinBound(String text, String what) {
        assertTimeoutPreemptively(BOUND, () -> {
            try {
                // The importer's own reading: the text, the issuer, the dates, every item into areas, one budget.
                NewNotice notice = reading.read(text, LEVELS, ISSUERS, 2022, null, EDITOR);
                for (NewNotice.Item item : notice.designations()) {
                    // Never drops a designation: every item names at least one place.
                    assertFalse(item.text().isBlank() || item.included().isEmpty(), what);
                }
            } catch (DomainException typed) {
                assertTrue(TYPED.contains(typed.code()), () -> what + ": unexpected code " + typed.code());
                assertFalse(typed.getMessage().isBlank(), what);
            } catch (RuntimeException e) {
                fail(what + ": " + e, e);
                return;
            }
        }, () -> what + " was not read within " + BOUND);
    }

    private String fixture(Random r) {
        return fixtures.get(r.nextInt(fixtures.size()));
    }

    private String blankRun(Random r) {
        String text = fixture(r);
        if (r.nextBoolean()) {
            // Anywhere in the text, one run.
            int at = r.nextInt(text.length());
            return text.substring(0, at) + run(r) + text.substring(at);
        }
        // A section header line with runs between its tokens ("新增 高风险区 20 个 ,分别是 :"), where the 4,000 spaces
        // of an OCR'd text were found, as the second line of a notice.
        String[] tokens = {r.nextBoolean() ? "一、" : "", r.nextBoolean() ? "新增" : "调整为", "高风险区",
                r.nextBoolean() ? "(" : "", r.nextBoolean() ? "共" : "", Integer.toString(1 + r.nextInt(30)), "个",
                r.nextBoolean() ? ")" : "", r.nextBoolean() ? ",分别是" : "", r.nextBoolean() ? ":" : "。"};
        StringBuilder header = new StringBuilder();
        for (String token : tokens) {
            header.append(token).append(r.nextInt(3) == 0 ? "" : run(r));
        }
        int firstBreak = Math.max(0, text.indexOf('\n'));
        return text.substring(0, firstBreak) + "\n" + header + text.substring(firstBreak);
    }

    private static String run(Random r) {
        int n = 1000 + r.nextInt(5000);
        return r.nextBoolean() ? BLANKS[r.nextInt(BLANKS.length)].repeat(n) : mixedBlanks(r, n);
    }

    private static String mixedBlanks(Random r, int n) {
        StringBuilder sb = new StringBuilder(n);
        while (sb.length() < n) {
            sb.append(BLANKS[r.nextInt(BLANKS.length)]);
        }
        return sb.toString();
    }

    private String deepBrackets(Random r) {
        int depth = 100 + r.nextInt(20_000);
        int k = r.nextInt(OPENERS.length);
        String brackets = switch (r.nextInt(4)) {
            case 0 -> OPENERS[k].repeat(depth);
            case 1 -> CLOSERS[k].repeat(depth);
            case 2 -> OPENERS[k].repeat(depth) + "小区" + CLOSERS[k].repeat(depth / 2);
            default -> (OPENERS[k] + "1号楼、").repeat(depth / 4);
        };
        String text = fixture(r);
        int at = r.nextInt(text.length());
        return text.substring(0, at) + brackets + text.substring(at);
    }

    private String thousandsOfItems(Random r) {
        int n = 1000 + r.nextInt(8000);
        StringBuilder sb = new StringBuilder("## 市疫情防控办发布第" + (1 + r.nextInt(999)) + "号通告:\n\n本报讯 11月30日,"
                + "市疫情防控办发布第300号通告,即日起我市新增高风险区" + n + "个。新增高风险区" + n + "个,分别是:\n\n小店区(" + n
                + "个):");
        String[] separators = {",", "、", "，", ";"};
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(separators[r.nextInt(separators.length)]);
            }
            switch (r.nextInt(5)) {
                case 0 -> sb.append(r.nextInt(100)); // a bare number: continues the item before it
                case 1 -> sb.append(r.nextInt(100)).append("号楼");
                case 2 -> sb.append("坞城路").append(r.nextInt(20)).append("巷").append(r.nextInt(50)).append("号");
                case 3 -> sb.append("滨河小区").append(r.nextInt(9)).append('.').append(r.nextInt(9)).append("号楼");
                default -> sb.append("晋阳紫城小区").append(i).append("号楼(").append(r.nextInt(9)).append("单元除外)");
            }
            if (r.nextInt(50) == 0) {
                sb.append('\n');
            }
        }
        return sb.append("。\n").toString();
    }

    private static String randomChars(Random r) {
        int n = r.nextInt(60_000);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(switch (r.nextInt(6)) {
                case 0 -> (char) (0x4E00 + r.nextInt(0x9FFF - 0x4E00));
                case 1 -> (char) r.nextInt(0x20);
                case 2 -> "，。、：；（）【】\u3000「」“”".charAt(r.nextInt(14));
                case 3 -> (char) (0x20 + r.nextInt(0x5F));
                case 4 -> (char) (0xD800 + r.nextInt(0x800)); // unpaired surrogates
                default -> (char) r.nextInt(0x10000);
            });
        }
        return sb.toString();
    }

    private String mutation(Random r) {
        StringBuilder sb = new StringBuilder(fixture(r));
        int edits = 1 + r.nextInt(30);
        for (int e = 0; e < edits && sb.length() > 1; e++) {
            int a = r.nextInt(sb.length());
            int b = Math.min(sb.length(), a + r.nextInt(200));
            switch (r.nextInt(4)) {
                case 0 -> sb.delete(a, b);
                case 1 -> sb.insert(a, sb.substring(a, b).repeat(1 + r.nextInt(50)));
                case 2 -> sb.insert(a, TOKENS[r.nextInt(TOKENS.length)].repeat(1 + r.nextInt(2000)));
                default -> sb.insert(a, TOKENS[r.nextInt(TOKENS.length)]);
            }
        }
        return sb.toString();
    }

    private static String tokenSoup(Random r) {
        int n = r.nextInt(20_000);
        List<String> parts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            parts.add(r.nextInt(10) == 0 ? BLANKS[r.nextInt(BLANKS.length)] : TOKENS[r.nextInt(TOKENS.length)]);
        }
        return String.join("", parts);
    }
}
