package org.epicontrol.gateway.supergraph;

/**
 * One subgraph of the supergraph: the {@code join__Graph} enum value that names it in join directives, its
 * composition name and its URL.
 */
public record Subgraph(String id, String name, String url) {
}
