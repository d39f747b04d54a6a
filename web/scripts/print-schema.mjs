// Prints the gateway's API schema (introspection) as SDL: node scripts/print-schema.mjs <gateway /graphql URL>
import { getIntrospectionQuery, buildClientSchema, printSchema } from 'graphql';
const res = await fetch(process.argv[2], { method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }) }) });
const json = await res.json();
if (json.errors) { console.error(JSON.stringify(json.errors)); process.exit(1); }
process.stdout.write(printSchema(buildClientSchema(json.data)) + '\n');
