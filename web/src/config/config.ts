/** The environment the console runs in, served by the console's own server as /config.json (web/README.md). */
export interface ConsoleConfig {
  keycloakUrl: string;
  realm: string;
  clientId: string;
  /** Absolute, or a path on the console's own origin (behind the Ingress: /graphql). */
  graphqlUrl: string;
}

export async function loadConfig(fetchImpl: typeof fetch = fetch): Promise<ConsoleConfig> {
  const res = await fetchImpl('/config.json', { cache: 'no-cache' });
  if (!res.ok) throw new Error(`/config.json: HTTP ${res.status}`);
  const json = (await res.json()) as Partial<ConsoleConfig>;
  for (const key of ['keycloakUrl', 'realm', 'clientId', 'graphqlUrl'] as const) {
    if (typeof json[key] !== 'string' || json[key] === '') throw new Error(`/config.json: ${key} missing`);
  }
  return json as ConsoleConfig;
}
