import { describe, expect, it } from 'vitest';
import { valueFields } from '../../src/domain/register-values';
import { profileFields, profileSchema } from '../../src/domain/workspace-schema';
import { evidenceItemIds, evidenceSchema, servesItem, withItem, withoutItem, type Evidence } from '../../src/domain/evidence-schema';

describe('the "we run an ISO/IEC 27001 ISMS" option', () => {
  it('is declared with the profile fields as a tick box, off by default (older workspaces read as off)', () => {
    expect(profileSchema.parse({}).isms27001).toBe(false);
    expect(profileFields.find((f) => f.key === 'isms27001')).toMatchObject({ kind: 'flag', label: 'profile.isms27001' });
    // The history and the bundle's report word it from the declaration, as yes or no.
    expect(valueFields('workspaces').find((f) => f.key === 'profile.isms27001')?.value).toEqual({ kind: 'flag' });
    expect(() => profileSchema.parse({ isms27001: 'yes' })).toThrow();
  });
});

describe('evidence serving several items', () => {
  const base = evidenceSchema.parse({
    id: 'e1',
    workspaceId: 'w',
    itemId: '5.2',
    title: 'ISMS policy',
    kind: 'link',
    url: 'https://intranet.example.com/isms',
    addedAt: '2026-12-07T08:00:00.000Z',
  });

  it('adds an item once, and hands the record over to the next item when its own item lets go', () => {
    const linked = withItem(withItem(base, 'A.2.2'), 'A.2.2');
    expect(evidenceItemIds(linked)).toEqual(['5.2', 'A.2.2']);
    expect(withItem(linked, '5.2')).toBe(linked);
    expect(evidenceItemIds(withoutItem(linked, 'A.2.2')!)).toEqual(['5.2']);
    const handed = withoutItem(linked, '5.2')!;
    expect(handed).toMatchObject({ itemId: 'A.2.2' });
    expect('linkedItemIds' in handed).toBe(false);
    expect(withoutItem(base, '5.2')).toBeNull();
    expect(servesItem(linked, 'A.2.2') && !servesItem(linked, 'A.2.3')).toBe(true);
  });

  it('refuses an empty or oversized list: an absent list is how "no links" is stored', () => {
    expect(() => evidenceSchema.parse({ ...base, linkedItemIds: [] })).toThrow();
    expect(() => evidenceSchema.parse({ ...base, linkedItemIds: Array.from({ length: 201 }, () => '4.1') })).toThrow();
    expect(evidenceSchema.parse({ ...base, linkedItemIds: ['A.2.2'] }) satisfies Evidence).toMatchObject({ linkedItemIds: ['A.2.2'] });
  });
});
