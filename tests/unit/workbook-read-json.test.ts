import { describe, expect, it } from 'vitest';
import { jsonText } from '../../src/db/workbook-read-remote';
import { generateWorkspace } from '../../src/domain/generate-workspace';

/*
 * A check's records cross from the reader worker to the spreadsheet worker as JSON text when, and
 * only when, that text parses back to exactly what the clone would carry; otherwise as the clone.
 */
describe('jsonText: the records as JSON only when JSON gives them back exactly', () => {
  it('a generated workspace parses back to exactly its records', () => {
    const g = generateWorkspace({ seed: 7, risks: 300, aiSystems: 20, ownControls: 15, impactAssessments: 4 });
    const records = {
      workspace: g.workspace,
      assessments: [],
      aiSystems: g.aiSystems,
      risks: g.risks,
      ownControls: g.ownControls,
      impactAssessments: g.impactAssessments,
      cycleRecords: [],
    };
    const text = jsonText(records);
    expect(text).not.toBeNull();
    expect(JSON.parse(text!)).toStrictEqual(structuredClone(records));
  });

  it('text, numbers, booleans, null, nested lists and objects, a "__proto__" key and lone surrogates come back as they were', () => {
    const records = JSON.parse('{"a":[{"__proto__":{"x":1},"t":"\\ud800 caf\\u00e9"}],"n":[0,1.5,-3e-7],"b":[true,false,null],"o":{}}') as unknown;
    expect(JSON.parse(jsonText(records)!)).toStrictEqual(structuredClone(records));
  });

  it.each([
    ['an undefined value', { risks: [{ id: 'r', owner: undefined }] }],
    // eslint-disable-next-line no-sparse-arrays -- the hole is the point
    ['a hole in a list', { risks: [{ ids: [1, , 3] }] }],
    ['an undefined list entry', { risks: [{ ids: [undefined] }] }],
    ['a Date', { workspace: { updatedAt: new Date(0) } }],
    ['a Map', { workspace: { m: new Map() } }],
    ['a Blob', { workspace: { file: new Blob(['x']) } }],
    ['bytes', { workspace: { bytes: new Uint8Array(2) } }],
    ['NaN', { risks: [{ score: Number.NaN }] }],
    ['Infinity', { risks: [{ score: Number.POSITIVE_INFINITY }] }],
    ['minus zero', { risks: [{ score: -0 }] }],
    ['a big integer', { risks: [{ score: 1n }] }],
    ['a list with a property of its own', { risks: [Object.assign([1], { extra: true })] }],
  ])('%s: no text (the clone carries it)', (_what, records) => {
    expect(jsonText(records)).toBeNull();
  });
});
