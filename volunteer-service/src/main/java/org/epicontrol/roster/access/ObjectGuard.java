package org.epicontrol.roster.access;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Applies an object rule to what a field resolved, batch by batch: one look-up of where the objects sit per batch
 * (none for a system administrator or an anonymous caller), whatever path of the query led to them.
 *
 * <p>In a batch answer an object the caller may not see is replaced by its refusal, a {@link DomainException}. The
 * batch loader under SmallRye's {@code @Source List} fields and federation {@code @Resolver}s (java-dataloader)
 * completes the position of a {@code Throwable} exceptionally, so that object alone is null with the error at its own
 * path and its neighbours are served. The lists hold the refusals under the element type: only the loader reads them.
 */
@ApplicationScoped
class ObjectGuard {

    private final CurrentScope current;
    private final Targets targets;

    ObjectGuard(CurrentScope current, Targets targets) {
        this.current = current;
        this.targets = targets;
    }

    /** One position per object; null stays null, a forbidden object becomes its refusal. */
    <T> Uni<List<T>> each(String field, Target target, List<T> objects, ToLongFunction<T> idOf, Rule rule) {
        return decide(field, target, objects.stream().filter(Objects::nonNull).mapToLong(idOf).boxed().toList(), rule)
                .map(decision -> refusalsAmong(objects.stream()
                        .map(o -> o == null ? null : decision.checked(o, List.of(idOf.applyAsLong(o)))).toList()));
    }

    /** One position per list; a list holding any object the caller may not see becomes one refusal. */
    <T> Uni<List<List<T>>> eachList(String field, Target target, List<List<T>> lists, ToLongFunction<T> idOf,
                                    Rule rule) {
        return decide(field, target, idsIn(lists, idOf), rule).map(decision -> refusalsAmong(lists.stream()
                .map(list -> list == null ? null : decision.checked(list, ids(list, idOf))).toList()));
    }

    /**
     * Lists hanging on parents of {@code parentTarget} (a unit's responsibilities): a parent that fails
     * {@code parentRule} gets its refusal, the others their list if every element passes {@code elementRule}.
     */
    <T> Uni<List<List<T>>> listsOf(String field, Target parentTarget, List<Long> parentIds, Rule parentRule,
                                   Function<List<Long>, Uni<List<List<T>>>> load,
                                   Target elementTarget, ToLongFunction<T> idOf, Rule elementRule) {
        return decide(field, parentTarget, parentIds, parentRule).chain(parents -> load.apply(parentIds).chain(lists ->
                decide(field, elementTarget, idsIn(lists, idOf), elementRule).map(elements -> {
                    List<Object> out = new ArrayList<>(lists.size());
                    for (int i = 0; i < lists.size(); i++) {
                        Object parent = parents.checked(lists.get(i), List.of(parentIds.get(i)));
                        out.add(parent instanceof DomainException ? parent
                                : elements.checked(lists.get(i), ids(lists.get(i), idOf)));
                    }
                    return refusalsAmong(out);
                })));
    }

    /** For a field that answers one list or an entity batch: the first refusal fails the field. */
    <T> Uni<List<T>> all(String field, Target target, List<T> objects, ToLongFunction<T> idOf, Rule rule) {
        return each(field, target, objects, idOf, rule).invoke(checked -> checked.forEach(ObjectGuard::rethrow));
    }

    /** The answers with refusals in some positions, typed as the field's answers for the batch loader. */
    @SuppressWarnings("unchecked")
    private static <T> List<T> refusalsAmong(List<?> checked) {
        return (List<T>) checked;
    }

    private static <T> List<Long> ids(List<T> list, ToLongFunction<T> idOf) {
        return list.stream().mapToLong(idOf).boxed().toList();
    }

    private static <T> List<Long> idsIn(List<List<T>> lists, ToLongFunction<T> idOf) {
        return lists.stream().filter(Objects::nonNull).flatMap(List::stream).mapToLong(idOf).boxed().toList();
    }

    private Uni<Decision> decide(String field, Target target, List<Long> ids, Rule rule) {
        return current.get().chain(scope -> {
            if (scope.systemAdmin() || ids.isEmpty()) {
                return Uni.createFrom().item(new Decision(field, target, scope, null, rule));
            }
            if (scope.caller().anonymous()) {
                return Uni.createFrom().item(new Decision(field, target, scope, Map.of(), rule));
            }
            if (rule instanceof Rule.OfCaller ofCaller) {
                // where the objects sit does not matter: decided once for the whole batch, nothing looked up
                return Uni.createFrom().item(new Decision(field, target, scope, ofCaller.test().test(scope) ? null
                        : Map.of(), rule));
            }
            return targets.find(target, ids.stream().distinct().toList())
                    .map(found -> new Decision(field, target, scope, found, rule));
        });
    }

    private static void rethrow(Object checked) {
        if (checked instanceof DomainException refusal) {
            throw refusal;
        }
    }

    /** The verdicts of one batch; {@code placed} null means everything passes (system administrator, nothing asked). */
    private record Decision(String field, Target target, Scope scope, Map<Long, Targets.Placed> placed, Rule rule) {

        DomainException refusal(long id) {
            if (placed == null) {
                return null;
            }
            if (scope.caller().anonymous()) {
                return DomainException.unauthenticated(field);
            }
            Targets.Placed where = placed.get(id);
            // an object that is gone since it was read is refused too: deny by default
            if (where == null || !rule.allows(scope, where)) {
                return DomainException.forbidden(field + ": " + target.noun() + " " + id
                        + " is outside what you may see");
            }
            return null;
        }

        /** {@code answer} itself if every object it holds passes, else the refusal of the first that does not. */
        Object checked(Object answer, List<Long> ids) {
            for (long id : ids) {
                DomainException refusal = refusal(id);
                if (refusal != null) {
                    return refusal;
                }
            }
            return answer;
        }
    }
}
