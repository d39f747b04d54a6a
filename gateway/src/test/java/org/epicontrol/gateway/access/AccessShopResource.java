package org.epicontrol.gateway.access;

import java.util.Map;
import org.epicontrol.gateway.http.ShopSubgraphsResource;
import org.epicontrol.gateway.testing.AccessSupergraphs;

/** The shop subgraphs, served through a supergraph with access directives ({@link AccessSupergraphs#SHOP}). */
public class AccessShopResource extends ShopSubgraphsResource {
    @Override
    protected String supergraph(Map<String, String> urls) {
        return AccessSupergraphs.supergraph(AccessSupergraphs.SHOP, urls);
    }
}
