import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/domain/assessment-schema';
import { generateWorkspace } from '../../src/domain/generate-workspace';
import {
  buildOscalCatalog,
  buildOscalProfile,
  CATALOG_REMARKS,
  TRANSLATED_CATALOG_REMARKS,
  type OscalControl,
  type OscalGroup,
} from '../../src/io/oscal/oscal-catalog';
import { AIMS_NS, OSCAL_FILES, OSCAL_VERSION, oscalControlId, oscalJson, uuidV5 } from '../../src/io/oscal/oscal-common';
import { exportOscal, sspFileName } from '../../src/io/oscal/oscal-export';
import { buildOscalSsp, type OscalImplementedRequirement, type OscalSspInput } from '../../src/io/oscal/oscal-ssp';
import { SCHEMA_VERSIONS, schemaErrors, type SchemaModel } from '../fixtures/oscal/schemas';
import { shippedCatalog } from '../support/catalog';
import { makeAssessment, makeOwnControl, makeRisk, makeWorkspace } from '../support/factories';

/**
 * Every OSCAL export validates against NIST's official JSON schemas of both OSCAL 1.1.3 and
 * 1.2.1 (copied into tests/fixtures/oscal/, see the README and schemas.ts there). That a broken
 * document is rejected, and the declared oscal-version, are tested in oscal-schemas.test.ts.
 */
function expectValid(model: SchemaModel, doc: unknown) {
  for (const version of SCHEMA_VERSIONS) {
    const errors = schemaErrors(version, model, doc);
    expect(errors, `OSCAL ${version} ${model}: ${JSON.stringify(errors.slice(0, 5), null, 1)}`).toEqual([]);
  }
}

const catalog = shippedCatalog();
const AT = '2026-11-27T10:00:00.000Z';
const LATER = '2027-01-03T08:30:00.000Z';
const OPTS = { exportedAt: AT, appVersion: '0.1.0' };

type Control = OscalControl;
type Group = OscalGroup;
function allControls(groups: Group[]): Control[] {
  // A group has sub-groups or controls, never both (see the flattening test).
  return groups.flatMap((g) => [...allControls(g.groups ?? []), ...(g.controls ?? [])]);
}

/** A realistic workspace: generated registers plus SoA answers of every kind. */
function workspaceInput(): OscalSspInput {
  const g = generateWorkspace({ seed: 7, aiSystems: 4, risks: 12, ownControls: 3, impactAssessments: 2 });
  const ws = g.workspace;
  const a = (itemId: string, o: Partial<Assessment>) => makeAssessment(ws.id, { itemId, ...o });
  const assessments = [
    a('4.1', {
      status: 'implemented',
      owner: 'Dana Okafor',
      implementation: '',
      notes: 'Context analysis approved 2026-02.',
      applicable: null,
      justificationCategory: null,
      justification: '',
    }),
    a('6.1.3', {
      status: 'in-progress',
      owner: 'Sam Lindqvist',
      applicable: null,
      justificationCategory: null,
      justification: '',
      implementation: 'SoA kept in AIMS Workbench',
    }),
    a('A.2.2', {
      status: 'implemented',
      owner: 'Dana Okafor',
      applicable: true,
      justificationCategory: 'legal-regulatory',
      justification: 'Required by the EU AI Act, Art. 17.\nSecond line.',
      implementation: 'AI policy v1.2, approved by the board',
    }),
    a('A.2.3', {
      status: 'not-started',
      owner: '',
      targetDate: '2027-03-31',
      applicable: true,
      justificationCategory: 'business-practice',
      justification: 'Align with the ISMS policies',
      implementation: '',
    }),
    a('A.10.4', {
      status: 'not-started',
      applicable: false,
      justificationCategory: 'other',
      justification: 'We have no customers using our AI systems.',
      implementation: '',
    }),
    a('A.9.2', { status: 'in-progress', applicable: null, justificationCategory: null, justification: '', implementation: '' }),
  ];
  return { workspace: ws, assessments, ownControls: g.ownControls, risks: g.risks };
}

const requirementsOf = (doc: Awaited<ReturnType<typeof buildOscalSsp>>) =>
  new Map(doc['system-security-plan']['control-implementation']['implemented-requirements'].map((r) => [r['control-id'], r]));
const prop = (r: { props?: { name: string; value: string }[] } | undefined, name: string) => r?.props?.filter((p) => p.name === name).map((p) => p.value);

describe('OSCAL UUIDs', () => {
  it('are RFC 9562 version 5 (the published test vector) and stable', async () => {
    // uuid5(NAMESPACE_DNS, 'www.example.com') in Python's uuid module.
    expect(await uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(await uuidV5('x')).toBe(await uuidV5('x'));
    expect(await uuidV5('x')).not.toBe(await uuidV5('y'));
  });

  it('gives clause ids a letter first and keeps Annex A numbers', () => {
    expect(oscalControlId('6.1.3')).toBe('c-6.1.3');
    expect(oscalControlId('A.6.2.4')).toBe('a.6.2.4');
  });
});

describe('OSCAL catalog export', () => {
  it('validates against the OSCAL 1.1.3 and 1.2.1 catalog schemas', async () => {
    expectValid('catalog', await buildOscalCatalog(catalog, OPTS));
  });

  it('has the 70 assessable items as controls with their numbers and titles, grouped by clause and objective', async () => {
    const doc = (await buildOscalCatalog(catalog, OPTS)).catalog;
    const controls = allControls(doc.groups);
    expect(controls).toHaveLength(70);
    const value = (c: Control, name: string) => c.props.find((p) => p.name === name)?.value ?? '';
    const inOrder = [...controls].sort((x, y) => value(x, 'sort-id').localeCompare(value(y, 'sort-id')));
    expect(inOrder.map((c) => value(c, 'label'))).toEqual(catalog.assessable.map((i) => i.id));
    for (const item of catalog.assessable) {
      const c = controls.find((x) => x.id === oscalControlId(item.id));
      expect(c?.title, item.id).toBe(item.title);
      expect(c?.class).toBe(item.isControl ? 'control' : 'requirement');
      expect(c?.parts?.map((p) => p.name)).toEqual(['guidance', 'questions', 'evidence-examples']);
    }
    expect(controls.filter((c) => c.class === 'control')).toHaveLength(38);
    expect(doc.groups.map((g) => g.id)).toEqual([
      'c-4',
      'c-5',
      'c-6',
      'c-7',
      'c-8',
      'c-9',
      'c-10',
      'a.2',
      'a.3',
      'a.4',
      'a.5',
      'a.6',
      'a.7',
      'a.8',
      'a.9',
      'a.10',
    ]);
    const a6 = doc.groups.find((g) => g.id === 'a.6')!;
    expect(a6.groups?.map((g) => g.id)).toEqual(['a.6.1', 'a.6.2']);
    expect(controls.find((c) => c.id === 'a.6.2.4')?.title).toBe(catalog.byId.get('A.6.2.4')!.title);
  });

  it('gives every group sub-groups or controls, never both: headings inside clauses 6, 7 and 9 are flattened', async () => {
    const doc = (await buildOscalCatalog(catalog, OPTS)).catalog;
    const everyGroup = (gs: Group[]): Group[] => gs.flatMap((g) => [g, ...everyGroup(g.groups ?? [])]);
    const mixed = everyGroup(doc.groups).filter((g) => g.groups?.length && g.controls?.length);
    expect(mixed.map((g) => g.id)).toEqual([]);
    const group = (id: string) => doc.groups.find((g) => g.id === id)!;
    const ids = (g: Group) => g.controls?.map((c) => c.id);
    expect(ids(group('c-6'))).toEqual(['c-6.1.1', 'c-6.1.2', 'c-6.1.3', 'c-6.1.4', 'c-6.2', 'c-6.3']);
    expect(ids(group('c-7'))?.slice(3)).toEqual(['c-7.4', 'c-7.5.1', 'c-7.5.2', 'c-7.5.3']);
    expect(group('c-9').groups).toBeUndefined();
    const partOf = (g: Group, id: string) =>
      g.controls
        ?.find((c) => c.id === id)
        ?.props.filter((p) => p.name === 'part-of')
        .map((p) => [p.ns, p.value]);
    expect(partOf(group('c-6'), 'c-6.1.3')).toEqual([[AIMS_NS, `6.1 ${catalog.byId.get('6.1')!.title}`]]);
    expect(partOf(group('c-6'), 'c-6.2')).toEqual([]);
    // Annex A objectives hold only sub-groups or only controls, so they keep their structure.
    expect(group('a.6').controls).toBeUndefined();
  });

  it('carries the metadata: version, export time, OSCAL version and whose text is whose', async () => {
    const m = (await buildOscalCatalog(catalog, OPTS)).catalog.metadata;
    expect(m['last-modified']).toBe(AT);
    expect(m.version).toBe(catalog.catalogVersion);
    expect(m['oscal-version']).toBe(OSCAL_VERSION);
    expect(m.remarks).toBe(CATALOG_REMARKS);
    expect(m.remarks).toMatch(/titles are those of ISO\/IEC 42001/);
    expect(m.remarks).toMatch(/not the text of the standard/);
  });

  it('says the titles are an unofficial translation when the catalog is the Chinese one, and still validates', async () => {
    const { loadCatalog } = await import('../../src/catalog/load-catalog');
    const zh = await loadCatalog('zh-CN');
    expect(zh.titlesUnofficial).toBe(true);
    const doc = await buildOscalCatalog(zh, OPTS);
    expect(doc.catalog.metadata.remarks).toBe(TRANSLATED_CATALOG_REMARKS);
    expect(doc.catalog.metadata.remarks).toMatch(/unofficial translation/);
    expect(doc.catalog.metadata.props).toContainEqual({ name: 'locale', ns: AIMS_NS, value: 'zh-CN' });
    const a22 = allControls(doc.catalog.groups).find((x) => x.id === 'a.2.2')!;
    expect(a22.title).toBe(zh.byId.get('A.2.2')!.title);
    expect(a22.title).not.toBe(catalog.byId.get('A.2.2')!.title);
    expectValid('catalog', doc);
    expect((await buildOscalProfile(zh, OPTS)).profile.metadata.remarks).toContain(TRANSLATED_CATALOG_REMARKS);
  });

  it('exports the guidance as our own parts', async () => {
    const doc = (await buildOscalCatalog(catalog, OPTS)).catalog;
    const c = allControls(doc.groups).find((x) => x.id === 'a.2.2')!;
    const item = catalog.byId.get('A.2.2')!;
    expect(c.parts![0]!.prose).toBe(item.summary);
    expect(c.parts![1]!.ns).toBe(AIMS_NS);
    expect(c.parts![1]!.parts!.map((p) => p.prose)).toEqual(item.questions);
    expect(c.parts![2]!.parts!.map((p) => p.prose)).toEqual(item.evidence);
  });

  it('is the same file twice apart from the timestamp', async () => {
    const one = await exportOscal('catalog', catalog, OPTS);
    const two = await exportOscal('catalog', catalog, { ...OPTS, exportedAt: LATER });
    expect(two.text.replace(LATER, AT)).toBe(one.text);
    expect(one.fileName).toBe(OSCAL_FILES.catalog);
  });
});

describe('OSCAL profile export', () => {
  it('validates and selects the whole exported catalog', async () => {
    const doc = await buildOscalProfile(catalog, OPTS);
    expectValid('profile', doc);
    expect(doc.profile.imports).toEqual([{ href: OSCAL_FILES.catalog, 'include-all': {} }]);
    expect((await exportOscal('profile', catalog, OPTS)).fileName).toBe(OSCAL_FILES.profile);
  });
});

describe('OSCAL SSP export (Statement of Applicability and implementation status)', () => {
  it('validates against the OSCAL 1.1.3 and 1.2.1 SSP schemas and points to the profile', async () => {
    const doc = await buildOscalSsp(catalog, workspaceInput(), OPTS);
    expectValid('ssp', doc);
    const ssp = doc['system-security-plan'];
    expect(ssp['import-profile'].href).toBe(OSCAL_FILES.profile);
    expect(ssp.metadata['oscal-version']).toBe(OSCAL_VERSION);
    expect(ssp.metadata['last-modified']).toBe(AT);
    expect(ssp.metadata.version).toBe('1.2');
    expect(ssp['control-implementation']['implemented-requirements'].map((r) => r['control-id'])).toEqual(catalog.assessable.map((i) => oscalControlId(i.id)));
  });

  it('also validates for an empty workspace', async () => {
    const ws = makeWorkspace();
    expectValid('ssp', await buildOscalSsp(catalog, { workspace: ws, assessments: [], ownControls: [], risks: [] }, OPTS));
  });

  it('reflects applicability, justifications, statuses and owners', async () => {
    const input = workspaceInput();
    const doc = await buildOscalSsp(catalog, input, OPTS);
    const reqs = requirementsOf(doc);
    const parties = new Map((doc['system-security-plan'].metadata.parties ?? []).map((p) => [p.uuid, p.name]));
    const owners = (r: OscalImplementedRequirement | undefined) =>
      (r?.['responsible-roles'] ?? []).flatMap((x) => x['party-uuids'].map((u) => `${x['role-id']}:${parties.get(u)}`));
    const state = (r: OscalImplementedRequirement | undefined) => r?.['by-components'][0]!['implementation-status'].state;

    const policy = reqs.get('a.2.2');
    expect(prop(policy, 'applicability')).toEqual(['applicable']);
    expect(prop(policy, 'justification-category')).toEqual(['legal-regulatory']);
    expect(prop(policy, 'justification')).toEqual(['Required by the EU AI Act, Art. 17. Second line.']);
    expect(policy?.remarks).toContain('Required by the EU AI Act, Art. 17.\nSecond line.');
    expect(state(policy)).toBe('implemented');
    expect(policy?.['by-components'][0]!.description).toBe('AI policy v1.2, approved by the board');
    expect(owners(policy)).toEqual(['control-owner:Dana Okafor']);

    const alignment = reqs.get('a.2.3');
    expect(state(alignment)).toBe('planned');
    expect(prop(alignment, 'status')).toEqual(['not-started']);
    expect(prop(alignment, 'target-date')).toEqual(['2027-03-31']);
    expect(alignment?.['responsible-roles']).toBeUndefined();

    const excluded = reqs.get('a.10.4');
    expect(prop(excluded, 'applicability')).toEqual(['not-applicable']);
    expect(prop(excluded, 'justification')).toEqual(['We have no customers using our AI systems.']);
    expect(state(excluded)).toBe('not-applicable');

    expect(state(reqs.get('a.9.2'))).toBe('partial');
    const clause = reqs.get('c-4.1');
    expect(prop(clause, 'applicability')).toEqual(['applicable']);
    expect(state(clause)).toBe('implemented');
    expect(clause?.['by-components'][0]!.description).toBe('Context analysis approved 2026-02.');
    expect(owners(reqs.get('c-6.1.3'))).toEqual(['control-owner:Sam Lindqvist']);

    // Every Annex A control nobody decided and no risk treats is "undecided", and flagged as a gap.
    const undecided = catalog.controls.filter((c) => prop(reqs.get(oscalControlId(c.id)), 'applicability')?.[0] === 'undecided');
    for (const c of undecided) expect(prop(reqs.get(oscalControlId(c.id)), 'soa-gap')).toContain('undecided');
    expect(doc['system-security-plan'].metadata['responsible-parties']?.map((p) => p['role-id'])).toEqual(['prepared-for', 'soa-approver']);
  });

  it('takes applicability from risk treatments and lists own controls as components', async () => {
    const ws = makeWorkspace({ name: 'Acme' });
    const own = makeOwnControl(ws.id, {
      name: 'Bias testing before release',
      description: 'Every model is tested for bias.',
      owner: 'Priya Raman',
      status: 'implemented',
      annexAControls: ['A.6.2.4', 'A.7.4'],
    });
    const retired = makeOwnControl(ws.id, { name: 'Old review', status: 'retired', annexAControls: ['A.6.2.4'] });
    const risk = makeRisk(ws.id, { ref: 'R-007', annexAControls: ['A.5.2'], ownControlIds: [own.id] });
    const doc = await buildOscalSsp(catalog, { workspace: ws, assessments: [], ownControls: [own, retired], risks: [risk] }, OPTS);
    expectValid('ssp', doc);
    const ssp = doc['system-security-plan'];
    const component = ssp['system-implementation'].components.find((c) => c.title === own.name)!;
    expect(component.type).toBe('process-procedure');
    expect(component.status.state).toBe('operational');
    expect(ssp['system-implementation'].components.find((c) => c.title === 'Old review')?.status.state).toBe('disposition');
    const reqs = requirementsOf(doc);
    for (const id of ['a.6.2.4', 'a.7.4']) {
      const byc = reqs.get(id)!['by-components'];
      expect(byc.map((b) => b['component-uuid'])).toEqual([ssp['system-implementation'].components[0]!.uuid, component.uuid]);
      expect(byc[1]!['implementation-status'].state).toBe('implemented');
      expect(byc[1]!.description).toBe('Every model is tested for bias.');
    }
    for (const id of ['a.5.2', 'a.6.2.4', 'a.7.4']) {
      expect(prop(reqs.get(id), 'applicability'), id).toEqual(['applicable']);
      expect(prop(reqs.get(id), 'justification-category')).toEqual(['risk-treatment']);
      expect(prop(reqs.get(id), 'risk-treatment')).toEqual(['R-007']);
      expect(reqs.get(id)?.remarks).toBe('Risk treatment: R-007');
    }
  });

  it('is the same file twice apart from the timestamp', async () => {
    const input = workspaceInput();
    const one = await exportOscal('ssp', catalog, { ...OPTS, ssp: input });
    const two = await exportOscal('ssp', catalog, { ...OPTS, exportedAt: LATER, ssp: workspaceInput() });
    expect(two.text.replaceAll(LATER, AT)).toBe(one.text);
    expect(one.fileName).toBe(sspFileName(input.workspace.name, AT));
  });

  it('encodes hostile text safely and still validates', async () => {
    const nasty = 'He said "hi" \\ </script><script>alert(1)</script> & \u0001\u0007\u001f\u007f\u0085\u2028\u2029 end';
    const ws = makeWorkspace({ name: `Acme "Bad" </script>`, profile: { ...makeWorkspace().profile, organizationName: nasty, sector: 'line1\nline2' } });
    const input: OscalSspInput = {
      workspace: ws,
      assessments: [makeAssessment(ws.id, { itemId: 'A.2.2', owner: ` ${nasty}\n`, justification: nasty, implementation: nasty, notes: nasty })],
      ownControls: [makeOwnControl(ws.id, { name: 'Control </script>', description: nasty, owner: 'x\u0000y' })],
      risks: [],
    };
    const doc = await buildOscalSsp(catalog, input, OPTS);
    expectValid('ssp', doc);
    const text = oscalJson(doc);
    expect(text).not.toContain('</script>');
    expect(text).not.toMatch(/[<>&]/);
    // No raw control character except the line breaks of the pretty-printing.
    // eslint-disable-next-line no-control-regex -- control characters are exactly what this pattern finds
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(doc);
    const req = requirementsOf(doc).get('a.2.2')!;
    expect(req.remarks).toBe(nasty);
    expect(req['by-components'][0]!.description).toBe(nasty);
    const file = await exportOscal('ssp', catalog, { ...OPTS, ssp: input });
    expect(file.fileName).toBe('Acme-Bad-script-soa-2026-11-27.oscal.json');
  });
});
