package org.epicontrol.roster.rostering.solver;

import java.util.Comparator;

/**
 * Which places the construction heuristic fills first (FIRST_FIT_DECREASING: hardest first): the fewer people a place
 * admits ({@link Place#getCandidates}), the harder; then the earlier. A vanguard post that three party members may
 * staff is filled before a checkpoint anybody may, so the scarce people go where only they fit.
 */
public class PlaceDifficulty implements Comparator<Place> {

    private static final Comparator<Place> EASIER_FIRST = Comparator
            .comparingInt((Place p) -> p.getCandidates().size())
            .reversed()
            .thenComparing((Place p) -> p.getInterval().start(), Comparator.reverseOrder())
            .thenComparing(Place::getNo, Comparator.reverseOrder());

    @Override
    public int compare(Place a, Place b) {
        return EASIER_FIRST.compare(a, b);
    }
}
