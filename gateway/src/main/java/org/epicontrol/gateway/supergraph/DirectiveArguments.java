package org.epicontrol.gateway.supergraph;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.EnumValue;
import graphql.language.IntValue;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the arguments of applied directives ({@code @link}, {@code @key}, {@code @join__field}, ...) in subgraph and
 * supergraph SDLs: absent or mistyped arguments read as null, empty or the given default, never as an exception.
 */
public final class DirectiveArguments {

    private DirectiveArguments() {
    }

    /** The argument's value, or null when the directive does not set it. */
    public static Value<?> argument(Directive d, String name) {
        Argument a = d.getArgument(name);
        return a == null ? null : a.getValue();
    }

    /** A String argument, or null. */
    public static String string(Value<?> v) {
        return v instanceof StringValue s ? s.getValue() : null;
    }

    /** A String or enum argument (e.g. {@code graph: PRODUCTS}), or null. */
    public static String name(Value<?> v) {
        if (v instanceof EnumValue e) {
            return e.getName();
        }
        return string(v);
    }

    public static boolean bool(Value<?> v, boolean dflt) {
        return v instanceof BooleanValue b ? b.isValue() : dflt;
    }

    /** An Int argument, or null. */
    public static Integer integer(Value<?> v) {
        return v instanceof IntValue i ? i.getValue().intValueExact() : null;
    }

    /** A [String] argument (or a single String, as input coercion allows), empty when absent. */
    public static List<String> strings(Value<?> v) {
        if (v instanceof ArrayValue a) {
            return a.getValues().stream().map(DirectiveArguments::name).filter(Objects::nonNull).toList();
        }
        String single = name(v);
        return single == null ? List.of() : List.of(single);
    }

    /**
     * A [[String]] argument such as {@code @requiresScopes(scopes: [["a", "b"], ["c"]])}; a single list or a single
     * string is coerced to one inner list, as input coercion allows. Empty when absent.
     */
    public static List<List<String>> stringLists(Value<?> v) {
        if (!(v instanceof ArrayValue outer)) {
            List<String> single = strings(v);
            return single.isEmpty() ? List.of() : List.of(single);
        }
        boolean nested = outer.getValues().stream().anyMatch(x -> x instanceof ArrayValue);
        if (!nested) {
            List<String> single = strings(v);
            return single.isEmpty() ? List.of() : List.of(single);
        }
        List<List<String>> out = new ArrayList<>();
        for (Value<?> inner : outer.getValues()) {
            out.add(strings(inner));
        }
        return out;
    }

    /** The named type under any list and non-null wrappers. */
    public static String namedType(Type<?> type) {
        if (type instanceof NonNullType nn) {
            return namedType(nn.getType());
        }
        if (type instanceof ListType lt) {
            return namedType(lt.getType());
        }
        return ((TypeName) type).getName();
    }
}
