// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import built from '../gql/persisted-documents.json';

// kustomize reads files inside k8s/ only, so the gateway's ConfigMap holds a copy of this build's manifest
describe('the trusted-documents manifest the Kubernetes gateway mounts', () => {
  it('is the one this build generates (else: cp web/target/persisted-documents.json k8s/base/gateway/)', () => {
    const mounted = JSON.parse(readFileSync(new URL('../../../k8s/base/gateway/persisted-documents.json', import.meta.url), 'utf8'));
    expect(mounted).toEqual(built);
  });
});
