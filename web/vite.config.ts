/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { copyFileSync, mkdirSync } from 'node:fs';

// The bundle goes where Quarkus serves static files from (target/classes/META-INF/resources); the trusted-documents
// manifest beside it at target/persisted-documents.json, for the gateway (dev-suite, e2e-tests, k8s).
export default defineConfig({
  plugins: [
    react(),
    {
      name: 'export-trusted-documents',
      apply: 'build',
      closeBundle() {
        mkdirSync('target', { recursive: true });
        copyFileSync('src/gql/persisted-documents.json', 'target/persisted-documents.json');
      },
    },
  ],
  build: {
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
    sourcemap: false,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
  },
});
