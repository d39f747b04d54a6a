package org.epicontrol.e2e.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One object selection of a generated probe: its head ({@code alias: field(args)} or {@code ... on Type}), its leaf
 * fields (with {@code __typename}) and its object selections, the branches. A probe too big for an endpoint's limits
 * is read as several smaller ones ({@link #split}), each with every leaf on its way and fewer branches.
 */
public record Selection(String head, List<String> leaves, List<Selection> branches) {

    /** The leaves every part keeps: what the judge needs to know the object's type and owner. */
    private static final Set<String> IDENTITY = Set.of("__typename", "id");

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
     * A chain of single branches splits the leaves at its end in halves, each part keeping {@code __typename} and
     * {@code id}. Empty when nothing is left to split: its smallest form. Every path of this selection is in one of
     * the parts.
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
        List<String> rest = leaves.stream().filter(leaf -> !IDENTITY.contains(leaf)).toList();
        if (rest.size() > 1) {
            // the end of a chain: its leaves in halves, each with what identifies the object (its owner is judged)
            List<String> identity = leaves.stream().filter(IDENTITY::contains).toList();
            return halves(rest).stream().map(half -> new Selection(head,
                    Stream.concat(identity.stream(), half.stream()).toList(), branches)).toList();
        }
        return List.of();
    }

    /** The list in two halves, the first one the larger; both non-empty for two or more elements. */
    static <T> List<List<T>> halves(List<T> list) {
        int middle = (list.size() + 1) / 2;
        return List.of(list.subList(0, middle), list.subList(middle, list.size()));
    }
}
