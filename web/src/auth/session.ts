import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import type { ConsoleConfig } from '../config/config';

/** What the console knows about the signed-in person: their token for the gateway, their name and realm roles. */
export interface Session {
  accessToken: string;
  username: string;
  roles: string[];
}

/** Realm roles from the access token (the gateway decides; the console only hides what would be refused anyway). */
export function rolesOf(accessToken: string): string[] {
  try {
    const payload = accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = JSON.parse(decodeURIComponent(escape(atob(payload)))) as { realm_access?: { roles?: string[] } };
    return json.realm_access?.roles ?? [];
  } catch {
    return [];
  }
}

export function sessionOf(user: User | null): Session | null {
  if (!user || user.expired) return null;
  return {
    accessToken: user.access_token,
    username: (user.profile.preferred_username as string | undefined) ?? user.profile.sub,
    roles: rolesOf(user.access_token),
  };
}

/**
 * Sign-in with Keycloak: authorization code + PKCE (S256) on the public client, tokens kept in this tab's session
 * storage, refreshed with the refresh token before they expire (no hidden iframe), signed out at Keycloak.
 */
export class Auth {
  readonly manager: UserManager;

  constructor(config: ConsoleConfig, origin = window.location.origin) {
    this.manager = new UserManager({
      authority: `${config.keycloakUrl.replace(/\/$/, '')}/realms/${config.realm}`,
      client_id: config.clientId,
      redirect_uri: `${origin}/`,
      post_logout_redirect_uri: `${origin}/`,
      response_type: 'code',
      scope: 'openid profile',
      automaticSilentRenew: true,
      userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    });
  }

  /** Finishes a sign-in when Keycloak sent the browser back with a code; returns the hash route to go on with. */
  async completeSignIn(location: Location = window.location): Promise<string | null> {
    const params = new URLSearchParams(location.search);
    if (!params.has('code') || !params.has('state')) return null;
    const user = await this.manager.signinRedirectCallback(location.href);
    const route = typeof user.state === 'string' ? user.state : '#/';
    window.history.replaceState(null, '', `${location.pathname}${route}`);
    return route;
  }

  current(): Promise<User | null> {
    return this.manager.getUser();
  }

  signIn(): Promise<void> {
    return this.manager.signinRedirect({ state: window.location.hash || '#/' });
  }

  signOut(): Promise<void> {
    return this.manager.signoutRedirect();
  }

  /** After the gateway said 401 (a token expired while the tab slept): one refresh, else signed out locally. */
  async refresh(): Promise<User | null> {
    try {
      return await this.manager.signinSilent();
    } catch {
      await this.manager.removeUser();
      return null;
    }
  }
}
