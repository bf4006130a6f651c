import { describe, expect, it } from 'vitest';
import mappingJson from '../../catalog/crosswalks/iso42001-crosswalk.json';
import { crosswalkMappingSchema } from '../../src/domain/crosswalk-schema';

// Rows corrected after a review of the mapping against what each side asks (issue 17): an AI
// management system is not the AI Act's quality management system, informing people of incidents
// is not reporting serious incidents to authorities, and A.8.3 is a channel into the organization.
const mapping = crosswalkMappingSchema.parse(mappingJson);
const row = (item: string, targetId: string) => mapping.rows.find((r) => r.item === item && r.targetId === targetId);
const targetsOf = (item: string, target: 'rmf' | 'euaia') => mapping.rows.filter((r) => r.item === item && r.target === target).map((r) => r.targetId);

describe('42001 → EU AI Act and NIST AI RMF rows', () => {
  it('does not call the AIMS the Act’s quality management system: 4.4 → Art. 17 is partial and says what the AIMS contributes', () => {
    expect(row('4.4', 'Art.17')?.strength).toBe('partial');
    expect(row('4.4', 'Art.17')?.basis).toMatch(/not the quality management system/);
  });

  it('does not equate telling people about incidents with reporting serious incidents: A.8.4 → Art. 73 is partial', () => {
    expect(row('A.8.4', 'Art.73')?.strength).toBe('partial');
    expect(row('A.8.4', 'Art.73')?.basis).toMatch(/not the report of a serious incident/);
  });

  it('maps A.8.3 (reports coming in from outside) to Art. 73’s trigger and Art. 85’s complaint right, and Art. 21 to A.8.5', () => {
    expect(targetsOf('A.8.3', 'euaia').sort()).toEqual(['Art.73', 'Art.85']);
    expect(row('A.8.3', 'Art.73')?.basis).toMatch(/first learns of a serious incident/);
    expect(row('A.8.3', 'Art.85')?.basis).toMatch(/complain to a market surveillance authority/);
    expect(row('A.8.5', 'Art.21')).toMatchObject({ target: 'euaia', strength: 'partial' });
  });

  it('maps A.9.4 (intended use) to the deployer’s duty to follow the instructions for use as strong', () => {
    expect(row('A.9.4', 'Art.26')).toMatchObject({ target: 'euaia', strength: 'strong' });
  });

  it('fills the rows a review found missing: deployment, technical documentation, customers, context', () => {
    expect(targetsOf('A.6.2.5', 'euaia')).toEqual(expect.arrayContaining(['Art.43', 'Art.26']));
    expect(targetsOf('A.6.2.7', 'euaia')).toEqual(expect.arrayContaining(['Art.11', 'Art.18']));
    expect(targetsOf('A.10.4', 'euaia')).toEqual(expect.arrayContaining(['Art.25', 'Art.13']));
    expect(targetsOf('4.1', 'euaia')).toEqual(expect.arrayContaining(['Art.2', 'Art.6', 'Art.25']));
  });

  it('drops 6.3 → MANAGE 4.1, whose basis admitted the mismatch, and keeps 6.3 an RMF row of its own', () => {
    expect(row('6.3', 'MANAGE 4.1')).toBeUndefined();
    expect(targetsOf('6.3', 'rmf')).toEqual(['GOVERN 1.5']);
  });

  it('has designated management, not risk owners, accept the residual risk (6.1.3 → MANAGE 1.4)', () => {
    expect(row('6.1.3', 'MANAGE 1.4')?.basis).toMatch(/^Designated management accepting the residual risk/);
    expect(mapping.rows.filter((r) => r.item === '6.1.3' && /risk owner/i.test(r.basis))).toEqual([]);
  });

  it('has no basis that speaks of something added to 42001 after 2023', () => {
    expect(mapping.rows.filter((r) => /\badded to 4\.|amendment/i.test(r.basis)).map((r) => `${r.item} → ${r.targetId}`)).toEqual([]);
  });
});
