package org.epicontrol.gateway.supergraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.SchemaDefinition;
import graphql.parser.Parser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The local names of a linked spec's directives and types, by the link spec's rules. */
class LinkSpecTest {

    @Test
    void importedDirectivesKeepTheirNameAndTheOthersTakeTheSpecPrefix() {
        LinkSpec federation = link("@link(url: \"https://specs.apollo.dev/federation/v2.5\", "
                + "import: [\"@key\", {name: \"@shareable\", as: \"@share\"}, \"FieldSet\"])");
        assertEquals("federation", federation.spec());
        assertEquals("v2.5", federation.version());
        assertEquals("key", federation.directive("key"));
        assertEquals("share", federation.directive("shareable"));
        assertEquals("federation__requires", federation.directive("requires"));
        assertEquals("FieldSet", federation.type("FieldSet"));
        assertEquals("federation__Scope", federation.type("Scope"));
        assertTrue(federation.isApolloSpec());
    }

    @Test
    void aRenamedSpecRenamesItsPrefixAndItsOwnDirective() {
        LinkSpec inaccessible = link("@link(url: \"https://specs.apollo.dev/inaccessible/v0.2\", as: \"hidden\", "
                + "for: SECURITY)");
        assertEquals("hidden", inaccessible.directive("inaccessible"));
        assertEquals("hidden__", inaccessible.prefix());
        assertEquals("SECURITY", inaccessible.purpose());
    }

    @Test
    void olderCoreFeaturesAndTrailingSlashesAreRead() {
        LinkSpec core = link("@core(feature: \"https://specs.apollo.dev/join/v0.1/\")");
        assertEquals("join", core.spec());
        assertEquals("v0.1", core.version());
        assertNull(LinkSpec.read(directive("@link(as: \"x\")")));
    }

    @Test
    void customSpecsAreNotApollos() {
        LinkSpec custom = link("@link(url: \"https://example.com/auth/v1.0\", import: [\"@auth\"])");
        assertFalse(custom.isApolloSpec());
        assertEquals("auth", custom.directive("auth"));
        assertEquals(List.of("auth"), List.copyOf(custom.imports().values()));
    }

    private static LinkSpec link(String text) {
        return LinkSpec.read(directive(text));
    }

    private static Directive directive(String text) {
        Document doc = Parser.parse("schema " + text + " { query: Query }");
        return ((SchemaDefinition) doc.getDefinitions().get(0)).getDirectives().get(0);
    }
}
