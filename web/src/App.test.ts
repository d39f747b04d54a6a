import { describe, expect, it } from 'vitest';
import { navFor, route } from './App';

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

describe('navFor', () => {
  const hashes = (roles: string[]) => navFor(roles).map((n) => n.hash);

  it('shows the public screens to everyone and the rest by role', () => {
    expect(hashes([])).toEqual(['#/', '#/areas', '#/trend', '#/notices']);
    expect(hashes(['volunteer'])).toEqual(['#/', '#/areas', '#/trend', '#/notices', '#/roster', '#/me', '#/households']);
    expect(hashes(['notice-editor'])).toContain('#/import');
    expect(hashes(['community-admin'])).toEqual(expect.arrayContaining(['#/dashboard', '#/roster', '#/households', '#/audit']));
    expect(hashes(['grid-worker'])).not.toContain('#/dashboard');
  });

  it('reads the new screens and their ids from the hash', () => {
    expect(route('#/roster/7')).toEqual({ screen: 'roster', id: '7' });
    expect(route('#/households')).toEqual({ screen: 'households' });
    expect(route('#/households/12')).toEqual({ screen: 'households', id: '12' });
  });
});
