package org.epicontrol.gateway.access;

import java.util.List;

/**
 * One field or fragment taken out of an operation: its response path ({@code "@"} for list items, as Apollo Router
 * writes them) and why ({@link Verdict#DENIED} or {@link Verdict#UNDECIDED}).
 */
public record Removal(List<Object> path, Verdict verdict) {
    public Removal {
        path = List.copyOf(path);
    }
}
