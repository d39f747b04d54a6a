package org.epicontrol.gateway.testing;

import java.util.List;
import org.epicontrol.gateway.compose.SubgraphSdl;

/**
 * The SDLs of the two subgraphs behind {@link Supergraphs#INTERFACE_OBJECT}: an entity interface {@code Media} in
 * inventory, an {@code @interfaceObject} of it in reviews whose {@code summary} requires inventory's title.
 */
public final class InterfaceObjectSubgraphs {
    private InterfaceObjectSubgraphs() {
    }

    /** The subgraphs with their URLs, as composition gets them. */
    public static List<SubgraphSdl> sdl(String inventoryUrl, String reviewsUrl) {
        return List.of(
                new SubgraphSdl("inventory", inventoryUrl, """
                        extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
                        type Query { media: [Media] }
                        interface Media @key(fields: "id") { id: ID! title: String! }
                        type Book implements Media @key(fields: "id") { id: ID! title: String! author: String }
                        type Movie implements Media @key(fields: "id") { id: ID! title: String! director: String }
                        """),
                new SubgraphSdl("reviews", reviewsUrl, """
                        extend schema @link(url: "https://specs.apollo.dev/federation/v2.3",
                          import: ["@key", "@interfaceObject", "@external", "@requires"])
                        type Query { topRatedMedia: [Media!]! }
                        type Media @key(fields: "id") @interfaceObject {
                          id: ID!
                          title: String! @external
                          reviews: [Review!]!
                          summary: String @requires(fields: "title")
                        }
                        type Review { score: Int! }
                        """));
    }
}
