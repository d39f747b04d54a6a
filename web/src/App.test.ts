import { describe, expect, it } from 'vitest';
import { route } from './App';

describe('route', () => {
  it('reads the screen and the notice id from the hash', () => {
    expect(route('')).toEqual({ screen: 'risk' });
    expect(route('#/areas')).toEqual({ screen: 'areas' });
    expect(route('#/notices')).toEqual({ screen: 'notices' });
    expect(route('#/notices/42')).toEqual({ screen: 'notice', id: '42' });
    expect(route('#/import')).toEqual({ screen: 'import' });
    expect(route('#/nothing')).toEqual({ screen: 'risk' });
  });
});
