package org.epicontrol.gateway.compose;

/** A part of one subgraph's schema (a type, field, argument or its directives) with the subgraph it came from. */
record FromSubgraph<T>(SubgraphSchema graph, T value) {
}
