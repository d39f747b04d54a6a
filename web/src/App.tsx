import { useEffect, useState } from 'react';
import { useAuth } from './auth/AuthContext';
import { HighRiskAreas } from './features/risk/HighRiskAreas';
import { RiskLookup } from './features/risk/RiskLookup';
import { ImportNotice } from './features/notices/ImportNotice';
import { NoticeDetail } from './features/notices/NoticeDetail';
import { NoticeList } from './features/notices/NoticeList';
import { useI18n } from './i18n/I18n';
import type { MessageKey } from './i18n/messages';

/** Screens by hash route: the console is static files, so no server-side routes are needed. */
export function route(hash: string): { screen: string; id?: string } {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'notices' && parts[1]) return { screen: 'notice', id: decodeURIComponent(parts[1]) };
  if (['areas', 'notices', 'import'].includes(parts[0])) return { screen: parts[0] };
  return { screen: 'risk' };
}

const NAV: { hash: string; label: MessageKey; screen: string }[] = [
  { hash: '#/', label: 'nav.risk', screen: 'risk' },
  { hash: '#/areas', label: 'nav.areas', screen: 'areas' },
  { hash: '#/notices', label: 'nav.notices', screen: 'notices' },
  { hash: '#/import', label: 'nav.import', screen: 'import' },
];

export function App() {
  const { t, lang, setLang } = useI18n();
  const { session, signIn, signOut } = useAuth();
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const current = route(hash);
  useEffect(() => {
    document.title = t('app.title');
    // keyboard and screen-reader users land on the new screen's heading
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [current.screen, current.id, lang]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <>
      <a className="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        {t('app.title')}
      </a>
      <header>
        <p className="brand">{t('app.title')}</p>
        <nav aria-label={t('nav.main')}>
          <ul>
            {NAV.map((n) => (
              <li key={n.hash}>
                <a href={n.hash} aria-current={current.screen === n.screen ? 'page' : undefined}>
                  {t(n.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="account">
          <button type="button" lang={lang === 'zh' ? 'en' : 'zh-CN'} title={t('lang.switchLabel')}
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            {t('lang.switch')}
          </button>
          {session ? (
            <>
              <span data-testid="signed-in-as">{t('auth.signedInAs', { name: session.username })}</span>
              <button type="button" onClick={signOut}>
                {t('auth.signOut')}
              </button>
            </>
          ) : (
            <button type="button" onClick={signIn}>
              {t('auth.signIn')}
            </button>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {current.screen === 'risk' && <RiskLookup />}
        {current.screen === 'areas' && <HighRiskAreas />}
        {current.screen === 'notices' && <NoticeList />}
        {current.screen === 'notice' && <NoticeDetail key={current.id} id={current.id!} />}
        {current.screen === 'import' && <ImportNotice />}
      </main>
    </>
  );
}
