package org.epicontrol.gateway.supergraph;

import static org.epicontrol.gateway.supergraph.DirectiveArguments.argument;
import static org.epicontrol.gateway.supergraph.DirectiveArguments.name;
import static org.epicontrol.gateway.supergraph.DirectiveArguments.string;

import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code @link(url:, as:, import:, for:)} of a schema (or {@code @core(feature:)} of older supergraphs): which
 * spec it links and under which local names that spec's directives and types appear, by the rules of the link spec
 * (https://specs.apollo.dev/link/v1.0): an imported element keeps its import name (or its {@code as}); the directive
 * named like the spec is called by the spec's local name; every other element is {@code <local name>__<element>}.
 *
 * @param url     the linked spec's URL, e.g. {@code https://specs.apollo.dev/federation/v2.5}
 * @param spec    the spec's name in its URL, e.g. {@code federation}
 * @param version the version in its URL, e.g. {@code v2.5}, or null
 * @param local   the spec's local name: its {@code as}, else {@code spec}
 * @param imports element to local name; directives with their {@code @} ({@code "@key" -> "key"}), types without
 * @param purpose {@code SECURITY}, {@code EXECUTION} or null
 */
public record LinkSpec(String url, String spec, String version, String local, Map<String, String> imports,
                       String purpose) {

    /** The {@code @link}/{@code @core} directive's spec, or null when the directive names no URL. */
    public static LinkSpec read(Directive link) {
        String url = string(argument(link, "url"));
        if (url == null) {
            url = string(argument(link, "feature"));
        }
        if (url == null) {
            return null;
        }
        String spec = url;
        String version = null;
        String[] parts = url.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (parts[i].isEmpty()) {
                continue;
            }
            if (isVersion(parts[i])) {
                version = version == null ? parts[i] : version;
                continue;
            }
            spec = parts[i];
            break;
        }
        String as = string(argument(link, "as"));
        Map<String, String> imports = new LinkedHashMap<>();
        if (argument(link, "import") instanceof ArrayValue list) {
            for (Value<?> v : list.getValues()) {
                readImport(v, imports);
            }
        }
        return new LinkSpec(url, spec, version, as != null ? as : spec, Map.copyOf(imports),
                name(argument(link, "for")));
    }

    /** Every {@code @link}/{@code @core} among a schema definition's (or extension's) directives. */
    public static List<LinkSpec> readAll(List<Directive> schemaDirectives) {
        List<LinkSpec> out = new ArrayList<>();
        for (Directive d : schemaDirectives) {
            LinkSpec spec = read(d);
            if (spec != null) {
                out.add(spec);
            }
        }
        return out;
    }

    private static void readImport(Value<?> v, Map<String, String> imports) {
        String imported = string(v);
        String importedAs = imported;
        if (v instanceof ObjectValue ov) {
            importedAs = null;
            for (ObjectField f : ov.getObjectFields()) {
                if (f.getName().equals("name")) {
                    imported = string(f.getValue());
                } else if (f.getName().equals("as")) {
                    importedAs = string(f.getValue());
                }
            }
            importedAs = importedAs == null ? imported : importedAs;
        }
        if (imported != null && importedAs != null) {
            imports.put(imported, importedAs.startsWith("@") ? importedAs.substring(1) : importedAs);
        }
    }

    private static boolean isVersion(String part) {
        // v<digits>(.<digits>)*, checked without a regex: URLs come from subgraphs.
        if (part.length() < 2 || part.charAt(0) != 'v') {
            return false;
        }
        boolean digit = false;
        for (int i = 1; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && digit) {
                digit = false;
            } else {
                return false;
            }
        }
        return digit;
    }

    /** Whether this links one of Apollo's specs (owned by the supergraph machinery, not the API). */
    public boolean isApolloSpec() {
        return url.contains("specs.apollo.dev");
    }

    /** The local name of one of the spec's directives, e.g. {@code key} or {@code federation__key}. */
    public String directive(String name) {
        String imported = imports.get("@" + name);
        if (imported != null) {
            return imported;
        }
        return name.equals(spec) ? local : local + "__" + name;
    }

    /** The local name of one of the spec's types, e.g. {@code FieldSet} or {@code federation__FieldSet}. */
    public String type(String name) {
        String imported = imports.get(name);
        return imported != null ? imported : local + "__" + name;
    }

    /** The prefix of this spec's non-imported elements, e.g. {@code federation__}. */
    public String prefix() {
        return local + "__";
    }
}
