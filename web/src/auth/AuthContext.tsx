import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Auth, Session } from './session';
import { sessionOf } from './session';

interface AuthState {
  session: Session | null;
  signIn(): void;
  signOut(): void;
  /** A fresh token after a 401, or null when the session is over. */
  refresh(): Promise<Session | null>;
}

const AuthContext = createContext<AuthState>({
  session: null,
  signIn() {},
  signOut() {},
  refresh: async () => null,
});

export function AuthProvider({ auth, initial, children }: { auth: Auth; initial: Session | null; children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(initial);
  useEffect(() => {
    const m = auth.manager;
    const loaded = (u: Parameters<Parameters<typeof m.events.addUserLoaded>[0]>[0]) => setSession(sessionOf(u));
    const gone = () => setSession(null);
    m.events.addUserLoaded(loaded);
    m.events.addUserUnloaded(gone);
    m.events.addAccessTokenExpired(gone);
    m.events.addSilentRenewError(gone);
    return () => {
      m.events.removeUserLoaded(loaded);
      m.events.removeUserUnloaded(gone);
      m.events.removeAccessTokenExpired(gone);
      m.events.removeSilentRenewError(gone);
    };
  }, [auth]);
  const value: AuthState = {
    session,
    signIn: () => void auth.signIn(),
    signOut: () => void auth.signOut(),
    refresh: async () => {
      const s = sessionOf(await auth.refresh());
      setSession(s);
      return s;
    },
  };
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** A provider for tests and screens rendered without Keycloak. */
export function StaticAuth({ session, children }: { session: Session | null; children: ReactNode }) {
  return (
    <AuthContext.Provider value={{ session, signIn() {}, signOut() {}, refresh: async () => null }}>
      {children}
    </AuthContext.Provider>
  );
}

export function useAuth(): AuthState {
  return useContext(AuthContext);
}
