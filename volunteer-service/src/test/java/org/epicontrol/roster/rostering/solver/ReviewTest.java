package org.epicontrol.roster.rostering.solver;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.epicontrol.roster.rostering.solver.Plans.held;
import static org.epicontrol.roster.rostering.solver.Plans.kept;
import static org.epicontrol.roster.rostering.solver.Plans.person;
import static org.epicontrol.roster.rostering.solver.Plans.place;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The review of a solved plan: broken places emptied, moves kept or undone together, reasons of open places. */
class ReviewTest {

    @Test
    void movesThatPassBesideTheRestStand() {
        Person busy = person(1);
        Person idle = person(2);
        Place move = held(1, 0, 8, 12, 501, busy, idle);
        Place stays = held(1, 2, 8, 12, 502, busy, busy);
        RosterPlan plan = new RosterPlan(List.of(busy, idle), List.of(move, stays));
        Review.settle(plan);
        assertEquals(idle, move.getPerson());
        assertEquals(busy, stays.getPerson());
        assertEquals(1, plan.moves());
    }

    @Test
    void oneMoveBreakingARuleUndoesEveryMove() {
        Person busy = person(1);
        Person a = person(2);
        Person b = person(3);
        // b is on duty 10–14 already: the move of day 0 to b overlaps it; the move of day 2 to a alone would pass
        Place broken = held(1, 0, 8, 12, 501, busy, b);
        Place fine = held(1, 2, 8, 12, 502, busy, a);
        RosterPlan plan = new RosterPlan(List.of(busy, a, b), List.of(broken, fine, kept(2, 0, 10, 4, b)));
        Review.settle(plan);
        assertEquals(busy, broken.getPerson());
        assertEquals(busy, fine.getPerson());
        assertEquals(0, plan.moves());
    }

    @Test
    void aHeldPlaceLeftEmptyGoesBackToItsHolderAndIsNoOpenPlace() {
        Person busy = person(1);
        Person idle = person(2);
        Place emptied = held(1, 0, 8, 12, 501, busy, null);
        Place move = held(1, 2, 8, 12, 502, busy, idle);
        RosterPlan plan = new RosterPlan(List.of(busy, idle), List.of(emptied, move));
        Map<Integer, OpenReason> reasons = Review.settle(plan);
        assertEquals(busy, emptied.getPerson());
        assertEquals(busy, move.getPerson(), "moves stand or fall together");
        assertEquals(Map.of(), reasons);
        assertEquals(0, plan.total());
    }

    @Test
    void anOpenPlaceCheckedBesideTheMovesThatStand() {
        Person busy = person(1);
        Person idle = person(2);
        Place move = held(1, 0, 8, 12, 501, busy, idle);
        // the idle person proposed as well at 12–16, overlapping the shift they move onto: emptied, with its reason
        Place open = place(2, 0, 12, 4, idle);
        RosterPlan plan = new RosterPlan(List.of(busy, idle), List.of(move, open));
        Map<Integer, OpenReason> reasons = Review.settle(plan);
        assertEquals(idle, move.getPerson());
        assertNull(open.getPerson());
        assertEquals(OpenReason.NOT_REACHED, reasons.get(open.getNo()), "busy, who left, was free for it");
    }
}
