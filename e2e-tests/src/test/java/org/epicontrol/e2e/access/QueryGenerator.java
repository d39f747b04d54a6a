package org.epicontrol.e2e.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Generates, from a schema, the queries that read every field path below every root field: each object with its
 * {@code __typename} and all its fields, down to a bounded depth, never entering a type already on the path (cycles
 * cut), arguments from the {@link ArgumentProviders}.
 */
public final class QueryGenerator {

    /**
     * One request: {@code operation} (e.g. {@code query($r: [_Any!]!)}, or empty) with a root field under one alias
     * per argument sample ({@code roots}, {@code aliases}: alias → field name, {@code samples}: alias → sample label).
     */
    public record Probe(String name, String operation, List<Selection> roots, Map<String, Object> variables,
                        Map<String, String> aliases, Map<String, String> samples) {

        public String document() {
            StringBuilder out = new StringBuilder(operation).append(operation.isEmpty() ? "{" : " {");
            roots.forEach(root -> out.append(' ').append(root.render()));
            return out.append(" }").toString();
        }

        /**
         * The same paths in smaller probes, for an endpoint that refused this one by a limit: the samples (aliases) in
         * two halves, then the federation representations in two halves, then the root's selection
         * {@link Selection#split split}. Empty for the smallest form.
         */
        public List<Probe> smaller() {
            if (roots.size() > 1) {
                List<Probe> parts = new ArrayList<>();
                for (List<Selection> half : Selection.halves(roots)) {
                    Map<String, String> partAliases = new LinkedHashMap<>();
                    Map<String, String> partSamples = new LinkedHashMap<>();
                    for (Selection root : half) {
                        String alias = root.head().substring(0, root.head().indexOf(':'));
                        partAliases.put(alias, aliases.get(alias));
                        partSamples.put(alias, samples.get(alias));
                    }
                    parts.add(new Probe(name + partSamples.values(), operation, half, variables, partAliases,
                            partSamples));
                }
                return parts;
            }
            if (variables.get(REPRESENTATIONS) instanceof List<?> representations && representations.size() > 1) {
                return Selection.halves(representations).stream().map(half -> new Probe(name + half, operation, roots,
                        Map.<String, Object>of(REPRESENTATIONS, half), aliases, samples)).toList();
            }
            List<Probe> parts = new ArrayList<>();
            for (Selection root : roots.get(0).split()) {
                parts.add(new Probe(name, operation, List.of(root), variables, aliases, samples));
            }
            return parts;
        }
    }

    private static final String REPRESENTATIONS = "r";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Schema schema;
    private final ArgumentProviders providers;
    private final int maxDepth;
    private final Set<String> unprovided = new TreeSet<>();

    /** {@code maxDepth}: object levels below the root, the root field's own object counted as 1. */
    public QueryGenerator(Schema schema, ArgumentProviders providers, int maxDepth) {
        this.schema = schema;
        this.providers = providers;
        this.maxDepth = maxDepth;
    }

    /** One probe per root field of the query type (federation's own fields left out: see {@link #entityProbe}). */
    public List<Probe> rootProbes() {
        List<Probe> probes = new ArrayList<>();
        for (Schema.Field field : schema.queryType().fields().values()) {
            if (field.name().startsWith("_")) {
                continue;
            }
            Map<String, Map<String, Object>> sets = providers.rootArguments(field);
            if (sets.isEmpty()) {
                unprovided.add(schema.queryType().name() + "." + field.name() + "(" + String.join(", ",
                        providers.unprovided(field)) + ")");
                continue;
            }
            List<Selection> roots = new ArrayList<>();
            Map<String, String> aliases = new LinkedHashMap<>();
            Map<String, String> samples = new LinkedHashMap<>();
            for (Map.Entry<String, Map<String, Object>> set : sets.entrySet()) {
                String alias = "s" + aliases.size();
                aliases.put(alias, field.name());
                samples.put(alias, set.getKey());
                String head = alias + ": " + field.name() + arguments(field, set.getValue());
                roots.add(field.type().isLeaf() ? Selection.leaf(head) : select(head, field.type(), Set.of(), 1));
            }
            probes.add(new Probe(schema.queryType().name() + "." + field.name(), "", roots, Map.of(), aliases, samples));
        }
        return probes;
    }

    /** A federation lookup of {@code entity} objects by their representations, as a gateway sends it to a subgraph. */
    public Probe entityProbe(String entity, List<Map<String, Object>> representations, List<String> sampleLabels) {
        Selection lookup = new Selection("_entities(representations: $" + REPRESENTATIONS + ")", List.of("__typename"),
                List.of(selection("... on " + entity, schema.type(entity), Set.of(entity), 1)));
        return new Probe("_entities(" + entity + ": " + String.join(", ", sampleLabels) + ")",
                "query($" + REPRESENTATIONS + ": [_Any!]!)", List.of(lookup), Map.of(REPRESENTATIONS, representations),
                Map.of("_entities", "_entities"), Map.of("_entities", entity));
    }

    /** Fields left out because a required argument has no provider: a new argument needs a value. */
    public Set<String> unprovided() {
        return unprovided;
    }

    /** The selection of a field with an object type (head: the field with its alias and arguments); leaves are inline. */
    private Selection select(String head, Schema.TypeRef type, Set<String> path, int depth) {
        Set<String> inner = new HashSet<>(path);
        inner.add(type.name());
        return selection(head, schema.type(type.name()), inner, depth);
    }

    private Selection selection(String head, Schema.Type type, Set<String> path, int depth) {
        List<String> leaves = new ArrayList<>(List.of("__typename"));
        List<Selection> branches = new ArrayList<>();
        // An object without an id is judged by the owner of what it refers to (LeakFinder): at the bound it keeps its
        // object fields for one more level, with their leaves, so that owner comes with it.
        boolean bounded = depth > maxDepth || depth == maxDepth && type.fields().containsKey("id");
        for (Schema.Field field : type.fields().values()) {
            Schema.TypeRef target = field.type();
            if (!target.isLeaf() && (bounded || path.contains(target.name()))) {
                continue;
            }
            Map<String, Object> arguments = providers.nestedArguments(field);
            if (arguments == null) {
                unprovided.add(type.name() + "." + field.name() + "(" + String.join(", ",
                        providers.unprovided(field)) + ")");
                continue;
            }
            String fieldHead = field.name() + arguments(field, arguments);
            if (target.isLeaf()) {
                leaves.add(fieldHead);
            } else {
                branches.add(select(fieldHead, target, path, depth + 1));
            }
        }
        for (String possible : type.possibleTypes()) {
            Set<String> inner = new HashSet<>(path);
            inner.add(possible);
            branches.add(selection("... on " + possible, schema.type(possible), inner, depth));
        }
        return new Selection(head, leaves, branches);
    }

    private static String arguments(Schema.Field field, Map<String, Object> values) {
        if (values.isEmpty()) {
            return "";
        }
        return values.entrySet().stream().map(e -> e.getKey() + ": " + literal(e.getValue(), argumentType(field, e.getKey())))
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static Schema.TypeRef argumentType(Schema.Field field, String name) {
        return field.arguments().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow().type();
    }

    /** A GraphQL literal: enum values bare, strings quoted as JSON quotes them (GraphQL's string syntax is JSON's). */
    private static String literal(Object value, Schema.TypeRef type) {
        if (value instanceof Number || value instanceof Boolean || type.kind().equals("ENUM")) {
            return value.toString();
        }
        try {
            return JSON.writeValueAsString(value.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
