package org.epicontrol.e2e.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The policy table (test resource {@code access/access-policy.tsv}): who may receive each type of the composed
 * schema, and each field that is more restricted than its type.
 *
 * <p>A line is {@code Type <tab> rule <tab> field field …} (the type's rule and the fields it covers) or
 * {@code Type.field <tab> rule} (a field with a rule of its own). Every type a query can reach and every field of it
 * must be covered, so a field added to the schema fails the test until someone decides who may read it.
 */
public final class AccessPolicy {

    private final Map<String, Rule> typeRules = new HashMap<>();
    private final Map<String, Set<String>> coveredFields = new HashMap<>();
    private final Map<String, Rule> fieldRules = new HashMap<>();

    public static AccessPolicy load(String resource) {
        try (InputStream in = Objects.requireNonNull(AccessPolicy.class.getResourceAsStream(resource), resource)) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AccessPolicy parse(String table) {
        AccessPolicy policy = new AccessPolicy();
        int number = 0;
        for (String line : table.split("\n")) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t+");
            if (cells.length < 2) {
                throw new IllegalArgumentException("access policy line " + number + ": type and rule expected: " + line);
            }
            Rule rule = Rule.parse(cells[1]);
            String subject = cells[0].trim();
            int dot = subject.indexOf('.');
            if (dot > 0) {
                policy.fieldRules.put(subject, rule);
            } else {
                policy.typeRules.put(subject, rule);
                policy.coveredFields.put(subject, cells.length > 2
                        ? new HashSet<>(Arrays.asList(cells[2].trim().split("\\s+"))) : Set.of());
            }
        }
        return policy;
    }

    /** What the table does not decide: types and fields of {@code schema} without a rule, one line each. */
    public List<String> missingRules(Schema schema) {
        List<String> missing = new ArrayList<>();
        for (Schema.Type type : schema.typesReachableFromQuery()) {
            if (!typeRules.containsKey(type.name())) {
                missing.add("type " + type.name() + " has no rule (fields " + type.fields().keySet() + ")");
                continue;
            }
            for (String field : type.fields().keySet()) {
                if (!coveredFields.get(type.name()).contains(field) && !fieldRules.containsKey(type.name() + "." + field)) {
                    missing.add("field " + type.name() + "." + field + " has no rule");
                }
            }
        }
        return missing;
    }

    public Rule typeRule(String type) {
        return typeRules.get(type);
    }

    /** The field's own rule, or null when its type's rule decides. */
    public Rule fieldRule(String type, String field) {
        return fieldRules.get(type + "." + field);
    }
}
