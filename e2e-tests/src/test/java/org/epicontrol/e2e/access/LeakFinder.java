package org.epicontrol.e2e.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Judges one answer against the policy: every object the caller received must be allowed by its type's rule for its
 * owner, and every non-null field with a rule of its own by that rule. A forbidden object is reported once, not its
 * fields again.
 *
 * <p>An object's owner is, in this order: the index's owner of its type and id; the owner of the object it refers to
 * by {@code targetType}/{@code targetId} (audit events); its parent's owner (below a field with the rule {@code own},
 * the caller's own volunteer); the owner of the first object below it
 * the index knows (an on-duty line belongs to its post's community). An object without an id about one volunteer
 * (a call-out answer, a responsibility) may also be read as that volunteer's.
 */
public final class LeakFinder {

    private final AccessPolicy policy;
    private final OwnershipIndex index;
    private final String rootType;

    public LeakFinder(AccessPolicy policy, OwnershipIndex index, String rootType) {
        this.policy = policy;
        this.index = index;
        this.rootType = rootType;
    }

    public List<Leak> find(QueryGenerator.Probe probe, Map<String, Object> data, Caller caller) {
        List<Leak> leaks = new ArrayList<>();
        if (data == null) {
            return leaks;
        }
        for (Map.Entry<String, String> alias : probe.aliases().entrySet()) {
            Object value = data.get(alias.getKey());
            String field = alias.getValue();
            String path = field + "(" + probe.samples().get(alias.getKey()) + ")";
            Rule rule = policy.fieldRule(rootType, field);
            if (value != null && rule != null && !rule.allows(caller, null)) {
                leaks.add(new Leak(caller.name(), probe.name(), path, rootType + "." + field, rule, "-", typesIn(value)));
            } else {
                visit(value, path, null, caller, probe, leaks);
            }
        }
        return leaks;
    }

    @SuppressWarnings("unchecked")
    private void visit(Object value, String path, Owner parent, Caller caller, QueryGenerator.Probe probe, List<Leak> leaks) {
        if (value instanceof List<?> list) {
            list.forEach(element -> visit(element, path + "[]", parent, caller, probe, leaks));
            return;
        }
        if (!(value instanceof Map)) {
            return;
        }
        Map<String, Object> object = (Map<String, Object>) value;
        String type = (String) object.get("__typename");
        Owner owner = ownerOf(type, object, parent);
        Owner about = about(object);
        Rule rule = policy.typeRule(type);
        if (rule == null || !allows(rule, caller, owner, about)) {
            if (carriesData(object)) {
                leaks.add(new Leak(caller.name(), probe.name(), path, type, rule, ownerLabel(owner),
                        typesIn(object.values())));
            }
            return;
        }
        for (Map.Entry<String, Object> field : object.entrySet()) {
            if (isEmpty(field.getValue()) || field.getKey().equals("__typename")) {
                continue;
            }
            Rule fieldRule = policy.fieldRule(type, field.getKey());
            if (fieldRule != null && !allows(fieldRule, caller, owner, about)) {
                leaks.add(new Leak(caller.name(), probe.name(), path + "." + field.getKey(), type + "." + field.getKey(),
                        fieldRule, ownerLabel(owner), typesIn(field.getValue())));
            } else {
                // below a field that answers the caller's own object (CallOut.myAnswer), that object is the caller's
                Owner below = fieldRule != null && fieldRule.kind() == Rule.Kind.OWN
                        ? Owner.volunteer(owner == null ? List.of() : owner.unitPath(), caller.volunteerId()) : owner;
                visit(field.getValue(), path + "." + field.getKey(), below, caller, probe, leaks);
            }
        }
    }

    /** The types of the objects with data in {@code value}, at any depth: what a leak carried along. */
    private static Set<String> typesIn(Object value) {
        Set<String> types = new TreeSet<>();
        collectTypes(value, types);
        return types;
    }

    @SuppressWarnings("unchecked")
    private static void collectTypes(Object value, Set<String> types) {
        if (value instanceof Collection<?> list) {
            list.forEach(element -> collectTypes(element, types));
        } else if (value instanceof Map<?, ?> map) {
            if (map.get("__typename") instanceof String type && carriesData((Map<String, Object>) map)) {
                types.add(type);
            }
            collectTypes(map.values(), types);
        }
    }

    /**
     * Whether an object tells the caller anything beyond the id they may have sent themselves: a subgraph answers a
     * lookup of another subgraph's entity with a stub of its own (empty) fields, whoever asks.
     */
    private static boolean carriesData(Map<String, Object> object) {
        return object.entrySet().stream().anyMatch(field -> !field.getKey().equals("__typename")
                && !field.getKey().equals("id") && !isEmpty(field.getValue()) && !echoesId(object, field.getValue()));
    }

    /**
     * A field that repeats the object's id, alone or as a list of it: volunteer-service's stub of an area known by its
     * key stands for itself ({@code pathIds: [id]}); that is the id the caller sent.
     */
    private static boolean echoesId(Map<String, Object> object, Object value) {
        Object id = object.get("id");
        return id != null && (id.equals(value) || value instanceof List<?> list && list.equals(List.of(id)));
    }

    private static boolean isEmpty(Object value) {
        return value == null || value instanceof List<?> list && list.isEmpty();
    }

    private static boolean allows(Rule rule, Caller caller, Owner owner, Owner about) {
        return rule.allows(caller, owner) || about != null && rule.allows(caller, about);
    }

    private Owner ownerOf(String type, Map<String, Object> object, Owner parent) {
        Owner own = known(type, object);
        if (own != null) {
            return own;
        }
        return parent != null ? parent : below(object);
    }

    private Owner known(String type, Map<String, Object> object) {
        Owner own = index.ownerOf(type, object.get("id"));
        if (own == null && object.get("targetType") instanceof String target) {
            own = index.ownerOf(target, object.get("targetId"));
        }
        // an object without an id of its own that names its volunteer (a volunteer's availability) is theirs
        if (own == null && object.get("id") == null && object.get("volunteerId") != null) {
            own = index.ownerOf("Volunteer", object.get("volunteerId"));
        }
        return own;
    }

    /**
     * For an object without an id of its own about one volunteer (a call-out answer, a responsibility): that
     * volunteer, a second owner beside the one it has by its place (its 'self' is the volunteer, its unit the
     * holder's); null for any other object.
     */
    @SuppressWarnings("unchecked")
    private Owner about(Map<String, Object> object) {
        if (object.get("id") == null && object.get("volunteer") instanceof Map<?, ?> volunteer) {
            return index.ownerOf("Volunteer", ((Map<String, Object>) volunteer).get("id"));
        }
        return null;
    }

    /** The first owner the index knows in {@code value} or below it, depth first. */
    @SuppressWarnings("unchecked")
    private Owner below(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(this::below).filter(o -> o != null).findFirst().orElse(null);
        }
        if (!(value instanceof Map)) {
            return null;
        }
        Map<String, Object> object = (Map<String, Object>) value;
        if (object.get("__typename") instanceof String type) {
            Owner owner = known(type, object);
            if (owner != null) {
                return owner;
            }
        }
        return object.values().stream().map(this::below).filter(o -> o != null).findFirst().orElse(null);
    }

    private static String ownerLabel(Owner owner) {
        return owner == null ? "unknown owner" : owner.label();
    }
}
