import { describe, expect, it } from 'vitest';
import { profileSchema, workspaceColour, workspaceColours, workspaceInitials } from '../../src/domain/workspace-schema';

describe("the workspace's colour and initials", () => {
  it('is the chosen colour, or one the name always picks', () => {
    const profile = profileSchema.parse({});
    expect(profile.colour).toBeNull();
    const picked = workspaceColour({ name: 'Northwind Insurance', profile });
    expect(workspaceColours).toContain(picked);
    expect(workspaceColour({ name: '  northwind insurance ', profile })).toBe(picked);
    expect(workspaceColour({ name: 'Northwind Insurance', profile: { colour: 'teal' } })).toBe('teal');
    // Different names spread over the palette instead of all landing on one colour.
    const names = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Tyrell', 'Cyberdyne', 'Soylent'];
    expect(new Set(names.map((name) => workspaceColour({ name, profile }))).size).toBeGreaterThan(3);
  });

  it('refuses a colour outside the palette, and a profile stored before the field existed reads as unset', () => {
    expect(profileSchema.safeParse({ colour: '#ff0000' }).success).toBe(false);
    expect(profileSchema.parse({ organizationName: 'Old', sector: '' }).colour).toBeNull();
  });

  it('takes the first letters of the first two words', () => {
    expect(workspaceInitials('Northwind Insurance')).toBe('NI');
    expect(workspaceInitials('acme')).toBe('AC');
    expect(workspaceInitials('Müller-Lüdenscheidt GmbH')).toBe('ML');
    expect(workspaceInitials('数据 公司')).toBe('数公');
    expect(workspaceInitials('   ')).toBe('?');
  });
});
