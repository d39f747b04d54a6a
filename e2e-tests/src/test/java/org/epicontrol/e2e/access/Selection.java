package org.epicontrol.e2e.access;

import java.util.ArrayList;
import java.util.List;

/**
 * One object selection of a generated probe: its head ({@code alias: field(args)} or {@code ... on Type}), its leaf
 * fields (with {@code __typename}) and its object selections, the branches. A probe too big for an endpoint's limits
 * is read as several smaller ones ({@link #split}), each with every leaf on its way and fewer branches.
 */
public record Selection(String head, List<String> leaves, List<Selection> branches) {

    /** The leaves every part keeps: what the judge needs to know the object's type and owner. */

    public Selection {
        leaves = List.copyOf(leaves);
        branches = List.copyOf(branches);
    }

    /** A field of a leaf type (a root field answering a scalar): its head alone. */
    public static Selection leaf(String head) {
        return new Selection(head, List.of(), List.of());
    }

    public String render() {
        if (leaves.isEmpty() && branches.isEmpty()) {
            return head;
        }
        StringBuilder out = new StringBuilder(head).append(" {");
        leaves.forEach(leaf -> out.append(' ').append(leaf));
        branches.forEach(branch -> out.append(' ').append(branch.render()));
        return out.append(" }").toString();
    }

    /**
     * The same paths in smaller selections: this selection's branches in two halves (each with this selection's
     * leaves), so a part that fits is found in few requests; a selection with one branch splits that branch instead.
     * A chain of single branches is its smallest form (empty): its leaves are scalars, which cost nothing and add no
     * depth, so halving them would only multiply requests. Every path of this selection is in one of the parts.
     */
    public List<Selection> split() {
        if (branches.size() > 1) {
            return halves(branches).stream().map(half -> new Selection(head, leaves, half)).toList();
        }
        if (branches.size() == 1) {
            List<Selection> parts = new ArrayList<>();
            for (Selection part : branches.get(0).split()) {
                parts.add(new Selection(head, leaves, List.of(part)));
            }
            return parts;
        }
        return List.of();
    }

    /** The list in two halves, the first one the larger; both non-empty for two or more elements. */
    static <T> List<List<T>> halves(List<T> list) {
        int middle = (list.size() + 1) / 2;
        return List.of(list.subList(0, middle), list.subList(middle, list.size()));
    }
}
