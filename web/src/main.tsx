import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AuthProvider } from './auth/AuthContext';
import { Auth, sessionOf } from './auth/session';
import { loadConfig } from './config/config';
import { GraphQLUrl } from './graphql/useGraphQL';
import { I18nProvider } from './i18n/I18n';
import './ui/styles.css';

async function start() {
  const root = createRoot(document.getElementById('root')!);
  try {
    const config = await loadConfig();
    const auth = new Auth(config);
    await auth.completeSignIn();
    const initial = sessionOf(await auth.current());
    root.render(
      <StrictMode>
        <I18nProvider>
          <GraphQLUrl.Provider value={config.graphqlUrl}>
            <AuthProvider auth={auth} initial={initial}>
              <App />
            </AuthProvider>
          </GraphQLUrl.Provider>
        </I18nProvider>
      </StrictMode>,
    );
  } catch (e) {
    root.render(
      <main>
        <h1>疫情防控工作台 / Epidemic control console</h1>
        <p role="alert">{e instanceof Error ? e.message : String(e)}</p>
      </main>,
    );
  }
}

void start();
