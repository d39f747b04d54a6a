import type { CodegenConfig } from '@graphql-codegen/cli';

// Operations live in src/**/*.graphql; their types and document nodes are generated into src/gql/ (not committed).
// The schema is the gateway's public API as composed from both services, checked in at src/graphql/schema.graphql
// (e2e-tests' ConsoleSchemaTest fails when it no longer matches what the running gateway serves).
const config: CodegenConfig = {
  schema: 'src/graphql/schema.graphql',
  documents: ['src/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        // Documents become their SHA-256 only; persisted-documents.json is the gateway's trusted-documents manifest.
        persistedDocuments: { mode: 'replaceDocumentWithHash', hashAlgorithm: 'sha256' },
      },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string', Date: 'string', BigDecimal: 'string', Long: 'number' },
      },
    },
  },
};
export default config;
