/** OSCAL (JSON) export on the Export and import page. */
export const oscalMessages = {
  'oscal.title': 'OSCAL (JSON)',
  'oscal.intro': 'Machine-readable files in NIST’s OSCAL format (version 1.1.3) for governance, risk and compliance tools. The catalog holds the clause and control numbers and titles with this app’s guidance; the Statement of Applicability lists every item with its applicability, justification, status and owner, and points to the profile, which points to the catalog: keep the three files in one folder.',
  'oscal.catalog': 'Catalog',
  'oscal.profile': 'Profile (baseline)',
  'oscal.ssp': 'SoA and implementation status',
  'oscal.done': 'Saved {file} ({size}).',
} as const;
