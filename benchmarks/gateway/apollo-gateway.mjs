// Apollo Gateway (with Apollo Server's standalone HTTP server) on a supergraph file. The client's Authorization
// header goes on to every subgraph request (the subgraphs verify the token and answer staff-only fields by it), as
// our gateway (gateway.forward-headers) and Hive Gateway (propagateHeaders in run.sh) do.
// usage: node apollo-gateway.mjs SUPERGRAPH PORT   (NODE_PATH pointing at the temp node_modules)
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(process.env.NODE_PATH.split(":")[0] + "/");
const { ApolloGateway, RemoteGraphQLDataSource } = require("@apollo/gateway");
const { ApolloServer } = require("@apollo/server");
const { startStandaloneServer } = require("@apollo/server/standalone");

class AuthorizationForwarding extends RemoteGraphQLDataSource {
  willSendRequest({ request, context }) {
    if (context?.authorization) request.http.headers.set("authorization", context.authorization);
  }
}

const [file, port] = process.argv.slice(2);
const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(file, "utf8"),
  buildService: ({ url }) => new AuthorizationForwarding({ url }),
});
const server = new ApolloServer({ gateway });
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(port), host: "127.0.0.1" },
  context: async ({ req }) => ({ authorization: req.headers.authorization }),
});
console.log(`Apollo Gateway ready at ${url}`);
