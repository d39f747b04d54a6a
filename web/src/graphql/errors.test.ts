import { describe, expect, it } from 'vitest';
import { errorAt } from './errors';

const forbidden = { message: 'no', path: ['notice', 'designations', 0, 'areas'], extensions: { code: 'FORBIDDEN' } };
const whole = { message: 'bad' };

describe('errorAt', () => {
  it('finds an error at the path or below it', () => {
    expect(errorAt([whole, forbidden], ['notice', 'designations'])).toBe(forbidden);
    expect(errorAt([forbidden], ['notice', 'designations', 0, 'areas'])).toBe(forbidden);
  });
  it('does not find an error at a sibling or above the path', () => {
    expect(errorAt([forbidden], ['notice', 'warnings'])).toBeUndefined();
    expect(errorAt([forbidden], ['notice', 'designations', 0, 'areas', 1])).toBeUndefined();
    expect(errorAt([whole], ['notice'])).toBeUndefined();
  });
});
