import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { messages, type Lang, type MessageKey } from './messages';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return messages[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

const I18nContext = createContext<{ lang: Lang; setLang(l: Lang): void }>({ lang: 'zh', setLang() {} });

const STORAGE_KEY = 'console.lang';

/** Chinese unless the person chose English on this device. */
export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Lang }) {
  const [lang, setLang] = useState<Lang>(
    initial ?? (globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh'),
  );
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  }, [lang]);
  return <I18nContext.Provider value={{ lang, setLang }}>{children}</I18nContext.Provider>;
}

export function useI18n(): { lang: Lang; setLang(l: Lang): void; t: Translate } {
  const { lang, setLang } = useContext(I18nContext);
  return { lang, setLang, t: (key, params) => translate(lang, key, params) };
}
