import { describe, expect, it } from 'vitest';
import { buildOscalCatalog, buildOscalProfile } from '../../src/io/oscal/oscal-catalog';
import { AIMS_NS } from '../../src/io/oscal/oscal-common';
import { buildOscalSsp, type OscalSspInput } from '../../src/io/oscal/oscal-ssp';
import { SCHEMA_VERSIONS, schemaErrors, type SchemaModel } from '../fixtures/oscal/schemas';
import { shippedCatalog } from '../support/catalog';
import { makeOwnControl, makeWorkspace } from '../support/factories';

/** Back-matter, control ids in props, and the scope statement in the SSP (issue 17, part 5). */
const catalog = shippedCatalog();
const OPTS = { exportedAt: '2026-11-27T10:00:00.000Z', appVersion: '0.1.0' };

function expectValid(model: SchemaModel, doc: unknown) {
  for (const version of SCHEMA_VERSIONS) {
    const errors = schemaErrors(version, model, doc);
    expect(errors, `OSCAL ${version} ${model}: ${JSON.stringify(errors.slice(0, 5), null, 1)}`).toEqual([]);
  }
}

/** Every control id of the exported catalog (groups hold sub-groups or controls). */
async function controlIds(): Promise<Set<string>> {
  type G = { groups?: G[]; controls?: { id: string }[] };
  const walk = (groups: G[]): string[] => groups.flatMap((g) => [...walk(g.groups ?? []), ...(g.controls ?? []).map((c) => c.id)]);
  return new Set(walk((await buildOscalCatalog(catalog, OPTS)).catalog.groups as G[]));
}

describe('OSCAL back-matter', () => {
  it('carries the catalog’s provenance and the statement that the guidance is not ISO text, linked from the metadata', async () => {
    const doc = (await buildOscalCatalog(catalog, OPTS)).catalog;
    const resources = doc['back-matter'].resources;
    expect(resources.map((r) => r.title)).toEqual(['Provenance of this catalog', 'The guidance is not ISO text']);
    const [provenance, statement] = resources;
    expect(provenance!.citation?.text).toMatch(/^ISO\/IEC 42001:2023, /);
    expect(provenance!.description).toMatch(/written for AIMS Workbench in its own words \(catalog version \d+\.\d+\.\d+, language en\)/);
    expect(provenance!.props).toContainEqual({ name: 'edition', ns: AIMS_NS, value: '2023' });
    expect(statement!.description).toMatch(/not the text of the standard/);
    expect(doc.metadata.links?.map((l) => l.href)).toEqual(resources.map((r) => `#${r.uuid}`));
    expectValid('catalog', { catalog: doc });
  });

  it('gives the profile the same back-matter, and the Chinese catalog says its titles are our translation', async () => {
    const profile = await buildOscalProfile(catalog, OPTS);
    expect(profile.profile['back-matter']).toEqual((await buildOscalCatalog(catalog, OPTS)).catalog['back-matter']);
    expectValid('profile', profile);
    const { loadCatalog } = await import('../../src/catalog/load-catalog');
    const zh = await buildOscalCatalog(await loadCatalog('zh-CN'), OPTS);
    expect(zh.catalog['back-matter'].resources[0]!.description).toMatch(/unofficial translation/);
    expect(zh.catalog['back-matter'].resources[0]!.uuid).not.toBe(profile.profile['back-matter'].resources[0]!.uuid);
    expectValid('catalog', zh);
  });
});

describe('OSCAL SSP', () => {
  function input(scopeStatement: string | null): OscalSspInput {
    const ws = makeWorkspace({ name: 'Acme' });
    const own = makeOwnControl(ws.id, { name: 'Incident notes', status: 'implemented', annexAControls: ['A.8.3', 'A.6.2.4'] });
    return { workspace: ws, assessments: [], ownControls: [own], risks: [], scopeStatement };
  }

  it('writes control ids in props in the case of the controls themselves (a.8.3, not A.8.3)', async () => {
    const ids = await controlIds();
    const doc = await buildOscalSsp(catalog, input(null), OPTS);
    const implementsProps = doc['system-security-plan']['system-implementation'].components.flatMap((c) =>
      (c.props ?? []).filter((p) => p.name === 'implements'),
    );
    expect(implementsProps.map((p) => p.value)).toEqual(['a.8.3', 'a.6.2.4']);
    for (const p of implementsProps) expect(ids, p.value).toContain(p.value);
  });

  it('puts the workspace’s scope statement into the system description and the boundary', async () => {
    const statement = 'All AI systems of the claims department in Lyon.\nExcludes the HR chatbot pilot.';
    const doc = await buildOscalSsp(catalog, input(statement), OPTS);
    const sc = doc['system-security-plan']['system-characteristics'] as { description: string; 'authorization-boundary': { description: string } };
    expect(sc.description).toContain(`Scope (clause 4.3):\n\n${statement}`);
    expect(sc['authorization-boundary'].description).toContain(statement);
    expectValid('ssp', doc);
  });

  it('says so when no scope statement has been recorded', async () => {
    const doc = await buildOscalSsp(catalog, input('  '), OPTS);
    const sc = doc['system-security-plan']['system-characteristics'] as { description: string };
    expect(sc.description).toMatch(/No scope statement has been recorded yet \(clause 4\.3\)\.$/);
    expectValid('ssp', doc);
  });
});
