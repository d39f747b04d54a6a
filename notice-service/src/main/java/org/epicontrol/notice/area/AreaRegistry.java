package org.epicontrol.notice.area;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds or creates the areas of a set of paths, so that two notices naming the same place share one area.
 * Works level by level with one insert and one select per level, whatever the number of paths.
 */
@ApplicationScoped
public class AreaRegistry {

    /** A node of the hierarchy as stored: district plus its key within the district. */
    public record NodeKey(String district, String localKey) {
    }

    private record Node(NodeKey key, NodeKey parent, AreaKind kind, String name, String fullName, int depth,
                        String street) {
    }

    /** The key of each level of a path, root (the district) first. */
    public static List<NodeKey> chain(AreaPath path) {
        String district = districtOf(path);
        List<NodeKey> keys = new ArrayList<>();
        keys.add(new NodeKey(district, ""));
        List<AreaSegment> segments = path.segments();
        for (int i = 0; i < segments.size(); i++) {
            AreaSegment segment = segments.get(i);
            String local = segment.kind() == AreaKind.STREET
                    ? "S:" + segment.key()
                    : new AreaPath(path.district(), segments.subList(0, i + 1)).localKey();
            if (!local.equals(keys.get(keys.size() - 1).localKey())) {
                keys.add(new NodeKey(district, local));
            }
        }
        return keys;
    }

    public static String districtOf(AreaPath path) {
        return path.district() == null ? "" : path.district();
    }

    /** Returns the id of every node of every path (each path's own node and all its ancestors). */
    public Uni<Map<NodeKey, Long>> ensure(SqlClient tx, Collection<AreaPath> paths) {
        // Sorted so that concurrent imports lock the same keys in the same order and cannot deadlock.
        TreeMap<Integer, Map<NodeKey, Node>> byDepth = new TreeMap<>();
        for (AreaPath path : paths) {
            List<NodeKey> keys = chain(path);
            StringBuilder fullName = new StringBuilder(districtOf(path));
            String street = null;
            int segmentIndex = 0;
            for (int depth = 0; depth < keys.size(); depth++) {
                NodeKey key = keys.get(depth);
                AreaKind kind;
                String name;
                if (depth == 0) {
                    kind = AreaKind.DISTRICT;
                    name = key.district();
                } else {
                    // Skip segments folded into the previous node's key (none today, kept for safety).
                    AreaSegment segment = path.segments().get(segmentIndex++);
                    kind = segment.kind();
                    name = segment.label();
                    fullName.append(segment.label());
                    if (kind == AreaKind.STREET) {
                        street = segment.label();
                    }
                }
                NodeKey parent = depth == 0 ? null : keys.get(depth - 1);
                byDepth.computeIfAbsent(depth, d -> new TreeMap<>(
                                (a, b) -> (a.district() + "\u0000" + a.localKey()).compareTo(b.district() + "\u0000" + b.localKey())))
                        .putIfAbsent(key, new Node(key, parent, kind, name, fullName.toString(), depth, street));
            }
        }
        Map<NodeKey, Long> ids = new HashMap<>();
        Uni<Void> chainOfLevels = Uni.createFrom().voidItem();
        for (Map<NodeKey, Node> level : byDepth.values()) {
            chainOfLevels = chainOfLevels.chain(() -> insertLevel(tx, level.values(), ids));
        }
        return chainOfLevels.replaceWith(ids);
    }

    private Uni<Void> insertLevel(SqlClient tx, Collection<Node> nodes, Map<NodeKey, Long> ids) {
        int n = nodes.size();
        String[] districts = new String[n];
        String[] localKeys = new String[n];
        Long[] parents = new Long[n];
        String[] kinds = new String[n];
        String[] names = new String[n];
        String[] fullNames = new String[n];
        Integer[] depths = new Integer[n];
        String[] streets = new String[n];
        int i = 0;
        for (Node node : nodes) {
            districts[i] = node.key().district();
            localKeys[i] = node.key().localKey();
            parents[i] = node.parent() == null ? null : ids.get(node.parent());
            kinds[i] = node.kind().name();
            names[i] = node.name();
            fullNames[i] = node.fullName();
            depths[i] = node.depth();
            streets[i] = node.street();
            i++;
        }
        String insert = """
                insert into area (district, local_key, parent_id, kind, name, full_name, depth, street, ancestor_ids)
                select n.district, n.local_key, n.parent_id, n.kind, n.name, n.full_name, n.depth, n.street,
                       coalesce((select p.ancestor_ids from area p where p.id = n.parent_id), '{}')
                from unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[])
                     as n(district, local_key, parent_id, kind, name, full_name, depth, street)
                on conflict (district, local_key) do nothing
                """;
        String fixAncestors = """
                update area set ancestor_ids = ancestor_ids || id
                where (district, local_key) in (select * from unnest($1::text[], $2::text[]))
                  and (cardinality(ancestor_ids) = 0 or ancestor_ids[cardinality(ancestor_ids)] <> id)
                """;
        String select = """
                select id, district, local_key from area
                where (district, local_key) in (select * from unnest($1::text[], $2::text[]))
                """;
        Tuple keys = Tuple.of(districts, localKeys);
        return tx.preparedQuery(insert)
                .execute(Tuple.from(List.of(districts, localKeys, parents, kinds, names, fullNames, depths, streets)))
                .chain(() -> tx.preparedQuery(fixAncestors).execute(keys))
                .chain(() -> tx.preparedQuery(select).execute(keys))
                .invoke(rows -> {
                    for (Row row : rows) {
                        ids.put(new NodeKey(row.getString("district"), row.getString("local_key")), row.getLong("id"));
                    }
                })
                .replaceWithVoid();
    }

    /**
     * The public areas on the chain of an address, root first; the deepest is the most specific match. Public only:
     * riskLevel answers from the published map, and an area only drafts name must not show as its matchedArea.
     */
    public Uni<List<Area>> matchChain(SqlClient client, AreaPath address) {
        List<NodeKey> keys = chain(address);
        String[] localKeys = keys.stream().map(NodeKey::localKey).toArray(String[]::new);
        String sql = "select " + AreaRow.COLUMNS + " from area a where a.local_key = any($1::text[]) and a.published"
                + (address.district() == null ? "" : " and a.district = $2")
                + " order by a.depth";
        Tuple args = address.district() == null ? Tuple.of(localKeys) : Tuple.of(localKeys, address.district());
        return client.preparedQuery(sql).execute(args).map(rows -> {
            Map<String, List<Area>> byDistrict = new LinkedHashMap<>();
            for (Row row : rows) {
                Area area = AreaRow.map(row);
                if (address.district() == null && area.depth() == 0) {
                    // Every district's root matches an address that names none; that says nothing.
                    continue;
                }
                byDistrict.computeIfAbsent(area.district(), d -> new ArrayList<>()).add(area);
            }
            // Without a district in the address, the district where the address reaches deepest is meant.
            List<Area> best = List.of();
            for (List<Area> chain : byDistrict.values()) {
                if (best.isEmpty() || chain.get(chain.size() - 1).depth() > best.get(best.size() - 1).depth()) {
                    best = chain;
                }
            }
            return best;
        });
    }
}
