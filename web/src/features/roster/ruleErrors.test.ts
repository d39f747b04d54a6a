import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/I18n';
import { RULE_CODES, ruleText } from './ruleErrors';

describe('ruleText', () => {
  it('words every roster rule by its code in both languages', () => {
    for (const code of RULE_CODES) {
      const r = ruleText({ message: 'server words', extensions: { code } });
      expect(r.key).toBe(`roster.error.${code}`);
      expect(translate('zh', r.key!)).not.toBe(translate('en', r.key!));
      expect(r.detail).toBe('server words');
    }
    expect(translate('zh', ruleText({ message: 'x', extensions: { code: 'MAX_HOURS_EXCEEDED' } }).key!))
      .toBe('超出24小时内最长值守时长。');
  });

  it("keeps the server's text for a code it does not know, or none", () => {
    expect(ruleText({ message: 'boom', extensions: { code: 'SOMETHING_NEW' } })).toEqual({ code: 'SOMETHING_NEW', key: null, detail: 'boom' });
    expect(ruleText({ message: 'network down' })).toEqual({ code: '', key: null, detail: 'network down' });
  });
});
