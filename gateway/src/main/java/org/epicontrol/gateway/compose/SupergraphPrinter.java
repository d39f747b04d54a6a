package org.epicontrol.gateway.compose;

import static org.epicontrol.gateway.compose.SdlText.description;
import static org.epicontrol.gateway.compose.SdlText.quote;

import graphql.language.AstPrinter;
import graphql.language.DirectiveDefinition;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.epicontrol.gateway.compose.SubgraphSchema.Kind;
import org.epicontrol.gateway.compose.SupergraphModel.ComposedEnumValue;
import org.epicontrol.gateway.compose.SupergraphModel.ComposedField;
import org.epicontrol.gateway.compose.SupergraphModel.ComposedInputValue;
import org.epicontrol.gateway.compose.SupergraphModel.ComposedType;
import org.epicontrol.gateway.compose.SupergraphModel.Graph;
import org.epicontrol.gateway.compose.SupergraphModel.JoinField;
import org.epicontrol.gateway.compose.SupergraphModel.JoinImplements;
import org.epicontrol.gateway.compose.SupergraphModel.JoinType;
import org.epicontrol.gateway.compose.SupergraphModel.JoinUnionMember;

/**
 * Prints the {@link SupergraphModel} as the supergraph SDL Apollo composition writes (join v0.3): the
 * {@code schema} with a {@code @link} per spec in use, the definitions of those specs' directives and types, then
 * every type with its {@code join__*} directives.
 */
final class SupergraphPrinter {

    private static final String PRELUDE_DIRECTIVES = """
            directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE

            directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION

            directive @join__graph(name: String!, url: String!) on ENUM_VALUE

            directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE

            directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR

            directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION

            directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
            """;
    private static final String INACCESSIBLE_DIRECTIVE = "directive @inaccessible on FIELD_DEFINITION | OBJECT | "
            + "INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | "
            + "INPUT_FIELD_DEFINITION\n";
    private static final String TAG_DIRECTIVE = "directive @tag(name: String!) repeatable on FIELD_DEFINITION | "
            + "OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | "
            + "INPUT_FIELD_DEFINITION | SCHEMA\n";

    private SupergraphPrinter() {
    }

    static String print(SupergraphModel model) {
        StringBuilder body = new StringBuilder();
        for (ComposedType t : model.types()) {
            switch (t.kind()) {
                case OBJECT, INTERFACE -> composite(t, body);
                case UNION -> union(t, body);
                case ENUM -> enumType(t, body);
                case INPUT -> input(t, body);
                case SCALAR -> scalar(t, body);
                default -> throw new IllegalStateException();
            }
        }
        return header(model) + body;
    }

    // ---- types --------------------------------------------------------------------------------------------------

    private static void composite(ComposedType t, StringBuilder out) {
        description(out, "", t.description());
        out.append(t.kind() == Kind.OBJECT ? "type " : "interface ").append(t.name());
        if (!t.interfaces().isEmpty()) {
            out.append(" implements ").append(String.join(" & ", t.interfaces()));
        }
        joinTypes(out, t);
        for (JoinImplements i : t.joinImplements()) {
            out.append("\n  @join__implements(graph: ").append(i.graph()).append(", interface: ")
                    .append(quote(i.iface())).append(')');
        }
        applied(out, t.directives());
        out.append("\n{\n");
        for (ComposedField f : t.fields()) {
            description(out, "  ", f.description());
            out.append("  ").append(f.name());
            arguments(out, f.arguments());
            out.append(": ").append(SdlText.print(f.type()));
            f.joinFields().forEach(j -> joinField(out, j));
            applied(out, f.directives());
            out.append('\n');
        }
        out.append("}\n\n");
    }

    private static void union(ComposedType t, StringBuilder out) {
        description(out, "", t.description());
        out.append("union ").append(t.name());
        joinTypes(out, t);
        for (JoinUnionMember m : t.joinUnionMembers()) {
            out.append("\n  @join__unionMember(graph: ").append(m.graph()).append(", member: ")
                    .append(quote(m.member())).append(')');
        }
        applied(out, t.directives());
        out.append("\n  = ").append(String.join(" | ", t.members())).append("\n\n");
    }

    private static void enumType(ComposedType t, StringBuilder out) {
        description(out, "", t.description());
        out.append("enum ").append(t.name());
        joinTypes(out, t);
        applied(out, t.directives());
        out.append("\n{\n");
        for (ComposedEnumValue v : t.values()) {
            description(out, "  ", v.description());
            out.append("  ").append(v.name());
            v.graphs().forEach(g -> out.append(" @join__enumValue(graph: ").append(g).append(')'));
            applied(out, v.directives());
            out.append('\n');
        }
        out.append("}\n\n");
    }

    private static void input(ComposedType t, StringBuilder out) {
        description(out, "", t.description());
        out.append("input ").append(t.name());
        joinTypes(out, t);
        applied(out, t.directives());
        out.append("\n{\n");
        t.inputFields().forEach(f -> out.append(inputValue(f, "  ")).append('\n'));
        out.append("}\n\n");
    }

    private static void scalar(ComposedType t, StringBuilder out) {
        description(out, "", t.description());
        out.append("scalar ").append(t.name());
        joinTypes(out, t);
        applied(out, t.directives());
        if (t.specifiedBy() != null) {
            out.append("\n  ").append(AstPrinter.printAst(t.specifiedBy()));
        }
        out.append("\n\n");
    }

    // ---- join directives ----------------------------------------------------------------------------------------

    private static void joinTypes(StringBuilder out, ComposedType t) {
        for (JoinType j : t.joinTypes()) {
            out.append("\n  @join__type(graph: ").append(j.graph());
            if (j.key() != null) {
                out.append(", key: ").append(quote(j.key()));
            }
            if (j.extension()) {
                out.append(", extension: true");
            }
            if (!j.resolvable()) {
                out.append(", resolvable: false");
            }
            if (j.interfaceObject()) {
                out.append(", isInterfaceObject: true");
            }
            out.append(')');
        }
    }

    private static void joinField(StringBuilder out, JoinField j) {
        if (j.graph() == null) {
            out.append(" @join__field");
            return;
        }
        out.append(" @join__field(graph: ").append(j.graph());
        if (j.requires() != null) {
            out.append(", requires: ").append(quote(j.requires()));
        }
        if (j.provides() != null) {
            out.append(", provides: ").append(quote(j.provides()));
        }
        if (j.type() != null) {
            out.append(", type: ").append(quote(j.type()));
        }
        if (j.external()) {
            out.append(", external: true");
        }
        if (j.override() != null) {
            out.append(", override: ").append(quote(j.override()));
        }
        if (j.usedOverridden()) {
            out.append(", usedOverridden: true");
        }
        out.append(')');
    }

    // ---- arguments, input fields and applied directives ---------------------------------------------------------

    private static void arguments(StringBuilder out, List<ComposedInputValue> arguments) {
        if (arguments.isEmpty()) {
            return;
        }
        List<String> printed = arguments.stream().map(a -> inputValue(a, "    ")).toList();
        if (printed.stream().noneMatch(a -> a.contains("\n"))) {
            out.append('(').append(printed.stream().map(String::strip).collect(Collectors.joining(", ")))
                    .append(')');
            return;
        }
        out.append("(\n");
        printed.forEach(a -> out.append(a).append('\n'));
        out.append("  )");
    }

    private static String inputValue(ComposedInputValue v, String indent) {
        StringBuilder out = new StringBuilder();
        description(out, indent, v.description());
        out.append(indent).append(v.name()).append(": ").append(SdlText.print(v.type()));
        if (v.defaultValue() != null) {
            out.append(" = ").append(v.defaultValue());
        }
        applied(out, v.directives());
        return out.toString();
    }

    private static void applied(StringBuilder out, AppliedDirectives d) {
        if (d.deprecated() != null) {
            out.append(' ').append(AstPrinter.printAst(d.deprecated()));
        }
        if (d.inaccessible()) {
            out.append(" @inaccessible");
        }
        for (String tag : d.tags()) {
            out.append(" @tag(name: ").append(quote(tag)).append(')');
        }
        if (d.cost() != null) {
            out.append(d.cost().print());
        }
        if (d.access() != null) {
            out.append(d.access().print());
        }
    }

    // ---- schema, spec links and definitions ---------------------------------------------------------------------

    private static String header(SupergraphModel model) {
        boolean usesInaccessible = uses(model, AppliedDirectives::inaccessible);
        boolean usesTag = uses(model, d -> !d.tags().isEmpty());
        boolean usesCost = uses(model, d -> d.cost() != null);
        boolean usesAuthenticated = uses(model, d -> d.access() != null && d.access().authenticated());
        boolean usesScopes = uses(model, d -> d.access() != null && d.access().scopes() != null);
        boolean usesPolicy = uses(model, d -> d.access() != null && d.access().policies() != null);
        StringBuilder out = new StringBuilder("schema\n  @link(url: \"https://specs.apollo.dev/link/v1.0\")\n")
                .append("  @link(url: \"https://specs.apollo.dev/join/v0.3\", for: EXECUTION)\n");
        if (usesInaccessible) {
            out.append("  @link(url: \"https://specs.apollo.dev/inaccessible/v0.2\", for: SECURITY)\n");
        }
        if (usesTag) {
            out.append("  @link(url: \"https://specs.apollo.dev/tag/v0.3\")\n");
        }
        if (usesCost) {
            out.append(CostDirectives.LINK);
        }
        if (usesAuthenticated) {
            out.append(AccessDirectives.AUTHENTICATED_LINK);
        }
        if (usesScopes) {
            out.append(AccessDirectives.REQUIRES_SCOPES_LINK);
        }
        if (usesPolicy) {
            out.append(AccessDirectives.POLICY_LINK);
        }
        out.append("{\n");
        List<String> typeNames = model.types().stream().map(ComposedType::name).toList();
        for (String root : SupergraphMerger.ROOTS) {
            if (typeNames.contains(root)) {
                out.append("  ").append(root.toLowerCase(Locale.ROOT)).append(": ").append(root).append('\n');
            }
        }
        out.append("}\n\n");
        if (usesInaccessible) {
            out.append(INACCESSIBLE_DIRECTIVE).append('\n');
        }
        out.append(PRELUDE_DIRECTIVES).append('\n');
        if (usesTag) {
            out.append(TAG_DIRECTIVE).append('\n');
        }
        if (usesCost) {
            out.append(CostDirectives.DEFINITIONS).append('\n');
        }
        if (usesAuthenticated) {
            out.append(AccessDirectives.AUTHENTICATED_DEFINITION).append('\n');
        }
        if (usesScopes) {
            out.append(AccessDirectives.REQUIRES_SCOPES_DEFINITION).append('\n')
                    .append(AccessDirectives.REQUIRES_SCOPES_SCALAR).append('\n');
        }
        if (usesPolicy) {
            out.append(AccessDirectives.POLICY_DEFINITION).append('\n').append(AccessDirectives.POLICY_SCALAR)
                    .append('\n');
        }
        for (DirectiveDefinition d : model.executableDirectives()) {
            out.append(AstPrinter.printAst(d.transform(b -> b.description(null)))).append("\n\n");
        }
        out.append("enum join__Graph {\n");
        for (Graph g : model.graphs()) {
            out.append("  ").append(g.id()).append(" @join__graph(name: ").append(quote(g.name()))
                    .append(", url: ").append(quote(g.url())).append(")\n");
        }
        out.append("}\n\nscalar join__FieldSet\n\nscalar link__Import\n\nenum link__Purpose {\n")
                .append("  \"`SECURITY` features provide metadata necessary to securely access fields.\"\n")
                .append("  SECURITY\n\n")
                .append("  \"`EXECUTION` features provide metadata necessary for operation execution.\"\n")
                .append("  EXECUTION\n}\n\n");
        return out.toString();
    }

    /** Whether any element of the supergraph carries such directives. */
    private static boolean uses(SupergraphModel model, Predicate<AppliedDirectives> test) {
        return model.types().stream().flatMap(SupergraphPrinter::appliedIn).anyMatch(test);
    }

    private static Stream<AppliedDirectives> appliedIn(ComposedType t) {
        return Stream.of(Stream.of(t.directives()),
                t.fields().stream().flatMap(f -> Stream.concat(Stream.of(f.directives()),
                        f.arguments().stream().map(ComposedInputValue::directives))),
                t.inputFields().stream().map(ComposedInputValue::directives),
                t.values().stream().map(ComposedEnumValue::directives)).flatMap(s -> s);
    }
}
