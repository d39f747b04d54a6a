package org.epicontrol.gateway.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Requirements of several subgraphs all hold: their DNFs are multiplied out and simplified, as Apollo does. */
class DnfConjunctionTest {

    @Test
    void everyAlternativeOfOneSubgraphIsCombinedWithEveryAlternativeOfTheOther() {
        assertEquals(List.of(List.of("A3", "B1"), List.of("A3", "B2"), List.of("A1", "A2", "B1"),
                        List.of("A1", "A2", "B2")),
                DnfConjunction.of(List.of(List.of(List.of("A1", "A2"), List.of("A3")),
                        List.of(List.of("B1"), List.of("B2")))));
    }

    @Test
    void aStricterAlternativeContainingAWeakerOneIsDropped() {
        // (A1 AND A2) AND A1 = A1 AND A2; then A1 OR (A1 AND B) = A1
        assertEquals(List.of(List.of("A1", "A2")),
                DnfConjunction.of(List.of(List.of(List.of("A1", "A2")), List.of(List.of("A1")))));
        assertEquals(List.of(List.of("A1")),
                DnfConjunction.of(List.of(List.of(List.of("A1"), List.of("A1", "B")))));
    }

    @Test
    void theSameRequirementInTwoSubgraphsStaysAsItIs() {
        assertEquals(List.of(List.of("admin"), List.of("read")),
                DnfConjunction.of(List.of(List.of(List.of("read"), List.of("admin")),
                        List.of(List.of("admin"), List.of("read")))));
    }

    @Test
    void anEmptyRequirementAddsNothing() {
        assertEquals(List.of(List.of("read")), DnfConjunction.of(List.of(List.of(), List.of(List.of("read")))));
    }

    @Test
    void aProductBeyondTheLimitIsRefused() {
        List<List<String>> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(List.of("s" + i));
        }
        List<List<String>> others = many.stream().map(c -> List.of("t" + c.get(0))).toList();
        assertNull(DnfConjunction.of(List.of(many, others)));
    }
}
