import { cycleKinds } from '../../domain/cycle/registry';
import { canOpenInBrowser, evidenceItemIds, type Evidence } from '../../domain/evidence-schema';
import { formatBytes } from '../words';
import { fmt } from './report-text';
import { byRef, cmp, type Report } from './context';
import { fileHref, html, table, type Html } from './html';

interface Owner {
  name: string;
  /** Catalog items first, in catalog order; then management-system records, by kind and number. */
  order: [number, number, { ref: string; id: string }];
}

function ownerOf(r: Report, e: Evidence, itemOrder: ReadonlyMap<string, number>): Owner {
  const { input, ctx } = r;
  const record = e.recordId && input.included.managementSystem ? input.cycleRecords.find((c) => c.id === e.recordId) : undefined;
  if (record) return { name: `${record.ref} ${record.title}`, order: [1, cycleKinds.indexOf(record.kind), record] };
  // Evidence linked to several items lists each of them, filed under the one it was attached to.
  const name = evidenceItemIds(e)
    .map((id) => ctx.nameOf('items', id) ?? id)
    .join('; ');
  return { name, order: [0, itemOrder.get(e.itemId) ?? Number.MAX_SAFE_INTEGER, { ref: '', id: '' }] };
}

/**
 * A file opens from the unzipped bundle by its relative path; the link text is its name. Types a
 * browser would run (HTML, SVG …) are offered as a download, as in the app. A web address is text:
 * nothing in the report leaves the page by itself.
 */
function where(r: Report, e: Evidence): Html {
  if (e.kind === 'link') return html`<span class="url">${e.url}</span>`;
  const path = r.input.attachments.get(e.id);
  if (!path) return html`${fmt(r.l.m['report.evidence.fileMissing'], { name: e.fileName })}`;
  const name = path.slice(path.lastIndexOf('/') + 1);
  return html`<a href="${fileHref(path)}" rel="noopener noreferrer"${canOpenInBrowser(e.mediaType) ? '' : html` download`}>${name}</a>`;
}

/** Every piece of evidence with the clause, control or record it belongs to, and where to find it. */
export function evidenceSection(r: Report): Html {
  const { input, l } = r;
  if (input.evidence.length === 0) return html`<p>${l.m['report.evidence.empty']}</p>`;
  const itemOrder = new Map(input.catalog.assessable.map((item, i) => [item.id, i]));
  const rows = input.evidence
    .map((e) => ({ e, owner: ownerOf(r, e, itemOrder) }))
    .sort(
      ({ e: a, owner: oa }, { e: b, owner: ob }) =>
        oa.order[0] - ob.order[0] || oa.order[1] - ob.order[1] || byRef(oa.order[2], ob.order[2]) || cmp(a.title, b.title) || cmp(a.id, b.id),
    )
    .map(
      ({ e, owner }) =>
        html`<tr><th scope="row">${owner.name}</th><td>${e.title}</td><td>${where(r, e)}</td><td class="num">${e.kind === 'file' ? formatBytes(e.size) : ''}</td></tr>`,
    );
  return html`<p class="note">${l.m['report.evidence.intro']}</p>
${table([l.m['report.evidence.col.belongsTo'], l.m['report.evidence.col.title'], l.m['report.evidence.col.file'], l.m['report.evidence.col.size']], rows, [30, 30, 30, 10])}`;
}
