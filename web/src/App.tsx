import { lazy, Suspense, useEffect, useState } from 'react';
import { useAuth } from './auth/AuthContext';
import { HighRiskAreas } from './features/risk/HighRiskAreas';
import { RiskLookup } from './features/risk/RiskLookup';
import { ImportNotice } from './features/notices/ImportNotice';
import { NoticeDetail } from './features/notices/NoticeDetail';
import { NoticeList } from './features/notices/NoticeList';
import { useI18n } from './i18n/I18n';
import type { MessageKey } from './i18n/messages';

// The screens of signed-in staff and volunteers load on first use: the public look-up stays small.
const Dashboard = lazy(() => import('./features/dashboard/Dashboard').then((m) => ({ default: m.Dashboard })));
const RosterBoard = lazy(() => import('./features/roster/RosterBoard').then((m) => ({ default: m.RosterBoard })));
const MyWork = lazy(() => import('./features/selfservice/MyWork').then((m) => ({ default: m.MyWork })));
const Households = lazy(() => import('./features/households/Households').then((m) => ({ default: m.Households })));
const AuditTrail = lazy(() => import('./features/audit/AuditTrail').then((m) => ({ default: m.AuditTrail })));
const RiskTrend = lazy(() => import('./features/risk/RiskTrend').then((m) => ({ default: m.RiskTrend })));

/** Screens by hash route: the console is static files, so no server-side routes are needed. */
export function route(hash: string): { screen: string; id?: string } {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'notices' && parts[1]) return { screen: 'notice', id: decodeURIComponent(parts[1]) };
  if (['areas', 'trend', 'notices', 'import', 'dashboard', 'roster', 'me', 'households', 'audit'].includes(parts[0])) {
    return parts[1] ? { screen: parts[0], id: decodeURIComponent(parts[1]) } : { screen: parts[0] };
  }
  return { screen: 'risk' };
}

/** Navigation; an entry with roles shows to holders of one of them (the gateway decides what they may read). */
export const NAV: { hash: string; label: MessageKey; screen: string; roles?: string[] }[] = [
  { hash: '#/', label: 'nav.risk', screen: 'risk' },
  { hash: '#/areas', label: 'nav.areas', screen: 'areas' },
  { hash: '#/trend', label: 'nav.trend', screen: 'trend' },
  { hash: '#/notices', label: 'nav.notices', screen: 'notices' },
  { hash: '#/import', label: 'nav.import', screen: 'import', roles: ['notice-editor'] },
  { hash: '#/dashboard', label: 'nav.dashboard', screen: 'dashboard', roles: ['community-admin', 'district-officer', 'system-admin'] },
  { hash: '#/roster', label: 'nav.roster', screen: 'roster', roles: ['community-admin', 'district-officer', 'system-admin', 'volunteer'] },
  { hash: '#/me', label: 'nav.me', screen: 'me', roles: ['volunteer', 'grid-worker', 'community-admin'] },
  { hash: '#/households', label: 'nav.households', screen: 'households', roles: ['grid-worker', 'volunteer', 'community-admin', 'district-officer'] },
  { hash: '#/audit', label: 'nav.audit', screen: 'audit', roles: ['community-admin', 'district-officer', 'system-admin'] },
];

/** The entries this person sees (signed out: the public ones). */
export function navFor(roles: string[]): typeof NAV {
  return NAV.filter((n) => !n.roles || n.roles.some((r) => roles.includes(r)));
}

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
            {navFor(session?.roles ?? []).map((n) => (
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
        <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
          {current.screen === 'trend' && <RiskTrend />}
          {current.screen === 'dashboard' && <Dashboard />}
          {current.screen === 'roster' && <RosterBoard key={current.id} postId={current.id} />}
          {current.screen === 'me' && <MyWork />}
          {current.screen === 'households' && <Households key={current.id} roundId={current.id} />}
          {current.screen === 'audit' && <AuditTrail />}
        </Suspense>
      </main>
    </>
  );
}
