// Fetches `_service { sdl }` of each subgraph and composes a supergraph with @apollo/composition.
// usage: node compose.mjs OUT name=url [name=url ...]   (run with NODE_PATH pointing at the temp node_modules)
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(process.env.NODE_PATH.split(":")[0] + "/");
const { composeServices } = require("@apollo/composition");
const { parse, print } = require("graphql");

// SmallRye prints the definitions of the federation directives it knows (e.g. @federation__override with the
// `label` argument of federation 2.7) next to a `@link` to federation 2.3; composition rejects definitions that do
// not match the linked version, and it supplies the right ones itself, so they are left out.
const FEDERATION = new Set(["key", "shareable", "external", "requires", "provides", "inaccessible", "link", "tag",
  "override", "extends", "interfaceObject", "composeDirective", "authenticated", "requiresScopes", "policy"]);
function withoutFederationDefinitions(doc) {
  const drop = (d) => d.kind === "DirectiveDefinition" &&
    (d.name.value.startsWith("federation__") || FEDERATION.has(d.name.value));
  return { ...doc, definitions: doc.definitions.filter((d) => !drop(d)) };
}

// Both services define the value type PageInfo (service-common) without @shareable, which federation 2 refuses
// ("Non-shareable field PageInfo.endCursor is resolved from multiple subgraphs"). An object type without @key that
// several subgraphs define is marked @shareable here, as the services would have to do themselves.
function markSharedValueTypes(services) {
  const seen = new Map();
  for (const s of services) for (const d of s.typeDefs.definitions)
    if (d.kind === "ObjectTypeDefinition" && !d.name.value.startsWith("_") && !["Query", "Mutation", "Subscription"].includes(d.name.value)
        && !d.directives?.some((x) => x.name.value === "key"))
      seen.set(d.name.value, (seen.get(d.name.value) ?? 0) + 1);
  const shared = new Set([...seen].filter(([, n]) => n > 1).map(([name]) => name));
  for (const s of services) {
    s.typeDefs = { ...s.typeDefs, definitions: s.typeDefs.definitions.map((d) =>
      d.kind === "ObjectTypeDefinition" && shared.has(d.name.value) && !d.directives?.some((x) => x.name.value === "shareable")
        ? { ...d, directives: [...(d.directives ?? []), { kind: "Directive", name: { kind: "Name", value: "shareable" }, arguments: [] }] }
        : d) };
  }
  if (shared.size) console.error(`marked @shareable (defined in several subgraphs without @key): ${[...shared].join(", ")}`);
}

const [out, ...pairs] = process.argv.slice(2);
const services = [];
for (const pair of pairs) {
  const [name, url] = [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)];
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ _service { sdl } }" }),
  });
  const body = await res.json();
  if (!body.data?._service?.sdl) throw new Error(`no SDL from ${url}: ${JSON.stringify(body)}`);
  services.push({ name, url, typeDefs: withoutFederationDefinitions(parse(body.data._service.sdl)) });
}
markSharedValueTypes(services);
// SDL_DIR: each subgraph's SDL as composed here (for a gateway that composes by itself, e.g. Grafbase's schema_path)
if (process.env.SDL_DIR) for (const s of services) writeFileSync(`${process.env.SDL_DIR}/${s.name}.graphql`, print(s.typeDefs));
const result = composeServices(services);
if (result.errors?.length) {
  for (const e of result.errors) console.error(e.message);
  process.exit(1);
}
for (const h of result.hints ?? []) if (process.env.COMPOSE_HINTS) console.error("hint:", h.message);
writeFileSync(out, result.supergraphSdl);
console.log(`composed ${services.map((s) => s.name).join(", ")} -> ${out}`);
