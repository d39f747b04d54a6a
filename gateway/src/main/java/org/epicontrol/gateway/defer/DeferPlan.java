package org.epicontrol.gateway.defer;

import graphql.language.SelectionSet;
import java.util.List;
import org.epicontrol.gateway.plan.QueryPlan;

/**
 * The plan of an operation with active {@code @defer} fragments: the primary plan (what the first part needs, and
 * the key fields the deferred entity fetches start from) with the selection the first part shows, and a plan per
 * deferred fragment, parents before children.
 */
public record DeferPlan(QueryPlan primary, SelectionSet primaryShape, List<Deferred> deferred) {

    /** A deferred fragment and its plan: none for {@link DeferredFragment.Kind#INLINE} (fetched with its parent). */
    public record Deferred(DeferredFragment fragment, QueryPlan plan) {
    }
}
