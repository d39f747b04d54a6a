package org.epicontrol.gateway.compose;

import graphql.language.Directive;
import graphql.language.DirectiveDefinition;
import graphql.language.Type;
import java.util.List;
import org.epicontrol.gateway.compose.SubgraphSchema.Kind;

/**
 * The supergraph as {@link SupergraphMerger} merged it and {@link SupergraphPrinter} prints it: every type with its
 * merged fields, and the join metadata that says which subgraph resolves what.
 *
 * @param graphs               the subgraphs, in {@code join__Graph} order
 * @param types                root types first, then the others by name
 * @param executableDirectives directive definitions for operations that every subgraph defines alike
 */
record SupergraphModel(List<Graph> graphs, List<ComposedType> types, List<DirectiveDefinition> executableDirectives) {

    /** One subgraph: its {@code join__Graph} value, its name and URL. */
    record Graph(String id, String name, String url) {
    }

    /** {@code @join__type}: the type is defined in {@code graph}, with one key (or none). */
    record JoinType(String graph, String key, boolean extension, boolean resolvable, boolean interfaceObject) {
    }

    /** {@code @join__implements} of an object or interface type. */
    record JoinImplements(String graph, String iface) {
    }

    /** {@code @join__unionMember}. */
    record JoinUnionMember(String graph, String member) {
    }

    /**
     * {@code @join__field} of one subgraph; {@code graph} null for a field no subgraph resolves on this type itself
     * (it comes from an {@code @interfaceObject}); {@code type} the field's type there when it differs.
     */
    record JoinField(String graph, String requires, String provides, String type, boolean external, String override,
                     boolean usedOverridden) {
    }

    /** One type; only the lists of its kind are filled. */
    record ComposedType(Kind kind, String name, String description, List<String> interfaces,
                        List<JoinType> joinTypes, List<JoinImplements> joinImplements,
                        List<JoinUnionMember> joinUnionMembers, List<String> members, AppliedDirectives directives,
                        List<ComposedField> fields, List<ComposedInputValue> inputFields,
                        List<ComposedEnumValue> values, Directive specifiedBy) {
    }

    /** A field of an object or interface; no join fields means "every subgraph that has the type resolves it". */
    record ComposedField(String name, String description, List<ComposedInputValue> arguments, Type<?> type,
                         List<JoinField> joinFields, AppliedDirectives directives) {
    }

    /** An argument or input field; {@code defaultValue} printed, or null. */
    record ComposedInputValue(String name, String description, Type<?> type, String defaultValue,
                              AppliedDirectives directives) {
    }

    /** An enum value and the subgraphs that define it. */
    record ComposedEnumValue(String name, String description, List<String> graphs, AppliedDirectives directives) {
    }
}
