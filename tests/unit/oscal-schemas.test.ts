import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { buildOscalCatalog, buildOscalProfile, type OscalCatalogDocument } from '../../src/io/oscal/oscal-catalog';
import { OSCAL_VERSION, OSCAL_VERSIONS } from '../../src/io/oscal/oscal-common';
import { exportOscal, type OscalKind } from '../../src/io/oscal/oscal-export';
import { buildOscalSsp, type OscalSspDocument, type OscalSspInput } from '../../src/io/oscal/oscal-ssp';
import { readSchema, SCHEMA_VERSIONS, schemaErrors, schemaPath, type SchemaModel } from '../fixtures/oscal/schemas';
import { shippedCatalog } from '../support/catalog';
import { makeAssessment, makeWorkspace } from '../support/factories';

/**
 * The schema fixtures themselves, and that validation can fail: every schema rejects broken
 * documents, the two releases really differ where our builders had to care, and the declared
 * oscal-version is the one the user chose.
 */
const catalog = shippedCatalog();
const OPTS = { exportedAt: '2026-11-27T10:00:00.000Z', appVersion: '0.1.0' };
const MODELS: SchemaModel[] = ['catalog', 'profile', 'ssp'];

function sspInput(): OscalSspInput {
  const ws = makeWorkspace({ name: 'Acme' });
  return {
    workspace: ws,
    assessments: [makeAssessment(ws.id, { itemId: 'A.2.2', status: 'implemented', applicable: true, owner: 'Dana' })],
    ownControls: [],
    risks: [],
  };
}
const clone = <T>(x: T): T => structuredClone(x);
const paths = (version: (typeof SCHEMA_VERSIONS)[number], model: SchemaModel, doc: unknown) => schemaErrors(version, model, doc).map((e) => e.instancePath);

describe('OSCAL schema fixtures', () => {
  it('are NIST 1.1.3 and 1.2.1, byte for byte the files whose sha256 the README lists', () => {
    const readme = readFileSync(new URL('../fixtures/oscal/README.md', import.meta.url), 'utf8');
    for (const version of SCHEMA_VERSIONS) {
      for (const model of MODELS) {
        expect(readSchema(version, model).$id).toBe(`http://csrc.nist.gov/ns/oscal/${version}/oscal-${model}-schema.json`);
        const sha = createHash('sha256')
          .update(readFileSync(schemaPath(version, model)))
          .digest('hex');
        expect(readme, `${version} ${model}`).toContain(`${sha}  v${version}/oscal_${model}_schema.json`);
      }
    }
  });

  it('are the releases the app offers', () => {
    expect([...OSCAL_VERSIONS]).toEqual([...SCHEMA_VERSIONS]);
    expect(OSCAL_VERSIONS).toContain(OSCAL_VERSION);
  });

  it('need the unicode regex flag: without it the token pattern rejects a valid catalog', async () => {
    const doc = await buildOscalCatalog(catalog, OPTS);
    expect(schemaErrors('1.2.1', 'catalog', doc)).toEqual([]);
    const ajv = new Ajv({ strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(readSchema('1.2.1', 'catalog'));
    expect(validate(doc)).toBe(false);
    expect(validate.errors?.[0]?.params).toMatchObject({ pattern: '^(\\p{L}|_)(\\p{L}|\\p{N}|[.\\-_])*$' });
  });
});

describe.each(SCHEMA_VERSIONS)('OSCAL %s schemas reject broken documents', (version) => {
  it('catalog: a missing title, a clause number as id, an unknown field, a bad date', async () => {
    const good = await buildOscalCatalog(catalog, OPTS);
    expect(paths(version, 'catalog', good)).toEqual([]);

    const noTitle = clone(good) as { catalog: { metadata: Partial<OscalCatalogDocument['catalog']['metadata']> } };
    delete noTitle.catalog.metadata.title;
    expect(paths(version, 'catalog', noTitle)).toContain('/catalog/metadata');

    const digitId = clone(good);
    digitId.catalog.groups[0]!.controls![0]!.id = '4.1';
    expect(paths(version, 'catalog', digitId).some((p) => p.startsWith('/catalog/groups/0'))).toBe(true);

    const extra = clone(good) as unknown as { catalog: Record<string, unknown> };
    extra.catalog.soa = {};
    expect(paths(version, 'catalog', extra)).toContain('/catalog');

    const badDate = clone(good);
    badDate.catalog.metadata['last-modified'] = '2026-11-27 10:00';
    expect(paths(version, 'catalog', badDate)).toContain('/catalog/metadata/last-modified');
  });

  it('ssp: no import-profile, a version 1 UUID, an empty array, a multi-line prop value', async () => {
    const good = await buildOscalSsp(catalog, sspInput(), OPTS);
    expect(paths(version, 'ssp', good)).toEqual([]);

    const noProfile = clone(good) as unknown as { 'system-security-plan': Partial<OscalSspDocument['system-security-plan']> };
    delete noProfile['system-security-plan']['import-profile'];
    expect(paths(version, 'ssp', noProfile)).toContain('/system-security-plan');

    const v1 = clone(good);
    v1['system-security-plan'].uuid = 'c232ab00-9414-11ec-b3c8-9f6bdeced846';
    expect(paths(version, 'ssp', v1)).toContain('/system-security-plan/uuid');

    const empty = clone(good);
    empty['system-security-plan']['control-implementation']['implemented-requirements'] = [];
    expect(paths(version, 'ssp', empty)).toContain('/system-security-plan/control-implementation/implemented-requirements');

    const multiLine = clone(good);
    const req = multiLine['system-security-plan']['control-implementation']['implemented-requirements'][0]!;
    req.props![0]!.value = 'two\nlines';
    expect(paths(version, 'ssp', multiLine)).toContain('/system-security-plan/control-implementation/implemented-requirements/0/props/0/value');
  });

  it('profile: no imports, include-all that is not an object', async () => {
    const good = await buildOscalProfile(catalog, OPTS);
    expect(paths(version, 'profile', good)).toEqual([]);
    const none = clone(good) as unknown as { profile: { imports: unknown[] } };
    none.profile.imports = [];
    expect(paths(version, 'profile', none)).toContain('/profile/imports');
    // (Not a missing href: the 1.2.1 JSON schema, unlike 1.1.3, no longer lists href as required.)
    const notObject = clone(good) as unknown as { profile: { imports: Record<string, unknown>[] } };
    notObject.profile.imports[0]!['include-all'] = 'yes';
    expect(paths(version, 'profile', notObject).some((p) => p.startsWith('/profile/imports/0'))).toBe(true);
  });
});

describe('where OSCAL 1.1.3 and 1.2.1 differ', () => {
  it('1.2.1 refuses a group with both sub-groups and controls, so no exported group has both', async () => {
    const good = await buildOscalCatalog(catalog, OPTS);
    const mixed = clone(good);
    const c6 = mixed.catalog.groups.find((g) => g.id === 'c-6')!;
    c6.groups = [{ id: 'c-6.1', class: 'clause', title: 'Sub-clause heading', props: [{ name: 'label', value: '6.1' }], controls: c6.controls!.splice(0, 4) }];
    expect(c6.controls!.length).toBeGreaterThan(0);
    expect(paths('1.1.3', 'catalog', mixed)).toEqual([]);
    expect(paths('1.2.1', 'catalog', mixed)).toContain('/catalog/groups/2');
  });

  it('1.1.3 requires system-implementation users (1.2.1 does not), so the SSP keeps them', async () => {
    const good = await buildOscalSsp(catalog, sspInput(), OPTS);
    expect(good['system-security-plan']['system-implementation'].users.length).toBeGreaterThan(0);
    const noUsers = clone(good) as unknown as { 'system-security-plan': { 'system-implementation': Record<string, unknown> } };
    delete noUsers['system-security-plan']['system-implementation'].users;
    expect(paths('1.1.3', 'ssp', noUsers)).toContain('/system-security-plan/system-implementation');
    expect(paths('1.2.1', 'ssp', noUsers)).toEqual([]);
  });
});

describe('the declared OSCAL version', () => {
  const kinds: OscalKind[] = ['catalog', 'profile', 'ssp'];
  const model: Record<OscalKind, SchemaModel> = { catalog: 'catalog', profile: 'profile', ssp: 'ssp' };
  const root: Record<OscalKind, string> = { catalog: 'catalog', profile: 'profile', ssp: 'system-security-plan' };

  it(`is ${OSCAL_VERSION} unless the user picks another`, async () => {
    for (const kind of kinds) {
      const file = await exportOscal(kind, catalog, { ...OPTS, ssp: sspInput() });
      expect((JSON.parse(file.text) as Record<string, { metadata: { 'oscal-version': string } }>)[root[kind]]!.metadata['oscal-version']).toBe(OSCAL_VERSION);
    }
  });

  it.each(OSCAL_VERSIONS)('%s: every file declares it, is otherwise the same, and validates against both releases', async (version) => {
    const ssp = sspInput();
    for (const kind of kinds) {
      const base = await exportOscal(kind, catalog, { ...OPTS, ssp });
      const file = await exportOscal(kind, catalog, { ...OPTS, oscalVersion: version, ssp });
      const doc = JSON.parse(file.text) as Record<string, { metadata: { 'oscal-version': string } }>;
      expect(doc[root[kind]]!.metadata['oscal-version'], kind).toBe(version);
      expect(file.text.replace(`"oscal-version": "${version}"`, `"oscal-version": "${OSCAL_VERSION}"`)).toBe(base.text);
      expect(file.fileName).toBe(base.fileName);
      for (const schema of SCHEMA_VERSIONS) expect(schemaErrors(schema, model[kind], doc), `${kind} declared ${version}, schema ${schema}`).toEqual([]);
    }
  });
});
