package org.epicontrol.e2e.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values for the arguments of generated queries. Defaults hold for every query (slices with {@code first}, time
 * windows); each sample holds the ids and texts of one community's (or the draft notice's) real data, so a root
 * field is asked once per sample.
 *
 * <p>A value is looked up by {@code name@ReturnType} (an {@code id} of the type the field returns), then
 * {@code name:ArgumentType}, then {@code name}.
 */
public final class ArgumentProviders {

    /** The values of one community's (or the draft's) data. */
    public record Sample(String label, Map<String, Object> values) {
    }

    private final Map<String, Object> defaults;
    private final List<Sample> samples;

    public ArgumentProviders(Map<String, Object> defaults, List<Sample> samples) {
        this.defaults = Map.copyOf(defaults);
        this.samples = List.copyOf(samples);
    }

    /**
     * The argument sets a root field is asked with, by sample label: one per sample that can fill its required
     * arguments, equal sets once. Empty when no sample can: the field has no provider.
     */
    public Map<String, Map<String, Object>> rootArguments(Schema.Field field) {
        Map<String, Map<String, Object>> sets = new LinkedHashMap<>();
        for (Sample sample : samples) {
            Map<String, Object> arguments = fill(field, sample.values());
            if (arguments != null && !sets.containsValue(arguments)) {
                // a set the sample adds nothing to is named after the defaults, not after the sample
                sets.put(arguments.equals(fill(field, Map.of())) ? "defaults" : sample.label(), arguments);
            }
        }
        return sets;
    }

    /** The ids of {@code type} the samples hold, by sample label, each id once. */
    public Map<String, String> ids(String type) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (Sample sample : samples) {
            Object id = sample.values().getOrDefault("id@" + type, defaults.get("id@" + type));
            if (id != null && !ids.containsValue(id.toString())) {
                ids.put(sample.label(), id.toString());
            }
        }
        return ids;
    }

    /** Arguments of a field below the root: defaults only; null when a required one has none. */
    public Map<String, Object> nestedArguments(Schema.Field field) {
        return fill(field, Map.of());
    }

    /** The required arguments of {@code field} that nothing provides, e.g. {@code text: String!}. */
    public List<String> unprovided(Schema.Field field) {
        List<String> missing = new ArrayList<>();
        for (Schema.Argument argument : field.arguments()) {
            if (argument.type().nonNull() && samples.stream().allMatch(s -> value(field, argument, s.values()) == null)
                    && value(field, argument, Map.of()) == null) {
                missing.add(argument.name() + ": " + argument.type().name() + "!");
            }
        }
        return missing;
    }

    private Map<String, Object> fill(Schema.Field field, Map<String, Object> sample) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (Schema.Argument argument : field.arguments()) {
            Object value = value(field, argument, sample);
            if (value != null) {
                arguments.put(argument.name(), value);
            } else if (argument.type().nonNull()) {
                return null;
            }
        }
        return arguments;
    }

    private Object value(Schema.Field field, Schema.Argument argument, Map<String, Object> sample) {
        for (String key : List.of(argument.name() + "@" + field.type().name(),
                argument.name() + ":" + argument.type().name(), argument.name())) {
            Object value = sample.containsKey(key) ? sample.get(key) : defaults.get(key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
