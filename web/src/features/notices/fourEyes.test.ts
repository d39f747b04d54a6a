import { describe, expect, it } from 'vitest';
import { mayOfferPublish } from './fourEyes';

describe('mayOfferPublish', () => {
  it('offers publishing a draft to a publisher who did not draft it', () => {
    expect(mayOfferPublish('DRAFT', ['notice-publisher'], 'publisher', 'editor')).toBe(true);
    expect(mayOfferPublish('DRAFT', ['system-admin'], 'sysadmin', undefined)).toBe(true);
  });
  it('never to the drafter, a non-publisher, or for a published notice', () => {
    expect(mayOfferPublish('DRAFT', ['notice-publisher', 'notice-editor'], 'chief', 'chief')).toBe(false);
    expect(mayOfferPublish('DRAFT', ['notice-editor'], 'editor', 'chief')).toBe(false);
    expect(mayOfferPublish('PUBLISHED', ['notice-publisher'], 'publisher', 'editor')).toBe(false);
  });
});
