/** The report's one stylesheet (inline: the CSP allows no other). Light only: it is a document to read and print. */
export const STYLE = `
:root { color-scheme: light; }
body { font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 80rem; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 0.3rem; } h2 { font-size: 1.25rem; margin: 2rem 0 0.6rem; border-bottom: 2px solid #333; padding-bottom: 0.2rem; }
h3 { font-size: 1.1rem; margin: 1.4rem 0 0.5rem; } h4 { font-size: 1rem; margin: 0 0 0.4rem; } h5 { font-size: 0.9rem; margin: 0.8rem 0 0.3rem; color: #333; }
header img.logo { display: block; max-height: 3.5rem; max-width: 14rem; margin: 0 0 0.6rem; }
.notice { border: 1px solid #b26a00; background: #fff6e5; padding: 0.6rem 0.8rem; border-radius: 4px; }
.muted, .note { color: #555; } .excluded { font-style: italic; color: #555; }
.scroll { overflow-x: auto; }
table { width: 100%; border-collapse: collapse; font-size: 9.5pt; margin-top: 0.6rem; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.2rem; }
th, td { border: 1px solid #bbb; padding: 0.3rem 0.4rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
thead th { background: #eee; } th[scope="row"] { font-weight: normal; } tr.group th { background: #f4f4f4; font-weight: 600; }
td.num { white-space: nowrap; }
tr.flagged > th:first-child { box-shadow: inset 4px 0 0 #b26a00; }
.pre { white-space: pre-wrap; display: block; } .ref { white-space: nowrap; } span.note { margin-top: 0.3em; } .block, .flag { display: block; } .flag { color: #8a4b00; font-style: italic; font-size: 0.9em; }
.url { overflow-wrap: anywhere; font-family: ui-monospace, "SFMono-Regular", Consolas, monospace; font-size: 0.95em; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; border: 1px solid rgba(0,0,0,0.4); border-radius: 2px; margin-right: 0.35em; vertical-align: -0.05em; }
article.record { border: 1px solid #ccc; border-radius: 4px; padding: 0.6rem 0.8rem; margin: 0.6rem 0; }
h4 .ref { color: #555; margin-right: 0.2em; }
dl.fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: 0.35rem 1.2rem; margin: 0; }
dl.fields dt { font-size: 0.85em; font-weight: 600; color: #555; } dl.fields dd { margin: 0; overflow-wrap: anywhere; } dl.fields .wide { grid-column: 1 / -1; }
nav ol ol { margin: 0.2rem 0; }
footer { margin-top: 2rem; font-size: 0.85em; color: #555; }
@media (max-width: 40rem) { body { padding: 0.8rem; } }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { max-width: none; padding: 0; font-size: 9pt; }
  nav { display: none; }
  .scroll { overflow: visible; } table { min-width: 0 !important; }
  main > section + section { break-before: page; } main > section + section h2 { margin-top: 0; }
  thead { display: table-header-group; } tr, article.record { break-inside: avoid; } h3, h4, h5 { break-after: avoid; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}`;
