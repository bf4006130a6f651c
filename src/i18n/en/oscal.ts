/** OSCAL (JSON) export on the Export and import page. */
export const oscalMessages = {
  'oscal.title': 'OSCAL (JSON)',
  'oscal.intro':
    'Machine-readable files in NIST’s OSCAL format for governance, risk and compliance tools. The catalog holds the clause and control numbers and titles with this app’s guidance; the Statement of Applicability lists every item with its applicability, justification, status and owner, and points to the profile, which points to the catalog: keep the three files in one folder.',
  'oscal.version': 'OSCAL version',
  'oscal.version.help':
    'The files are valid against both OSCAL 1.1.3 and 1.2.1; this only sets the version they declare. 1.1.3 is read by the most tools; choose 1.2.1 if your tool asks for it.',
  'oscal.catalog': 'Catalog',
  'oscal.profile': 'Profile (baseline)',
  'oscal.ssp': 'SoA and implementation status',
  'oscal.done': 'Saved {file} ({size}).',
} as const;
