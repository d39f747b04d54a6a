import { describe, expect, it } from 'vitest';
import { messages } from './messages';
import { translate } from './I18n';

describe('messages', () => {
  it('has both languages for every text, with the same placeholders', () => {
    for (const [key, m] of Object.entries(messages)) {
      expect(m.zh, key).not.toBe('');
      expect(m.en, key).not.toBe('');
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
      expect(names(m.zh), key).toEqual(names(m.en));
    }
  });

  it('fills placeholders', () => {
    expect(translate('zh', 'notices.open', { number: '2022-194' })).toBe('第2022-194号通告');
    expect(translate('en', 'notices.open', { number: '2022-194' })).toBe('Notice 2022-194');
  });
});
