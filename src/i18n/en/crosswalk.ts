/** Crosswalks to NIST AI RMF 1.0 and the EU AI Act: the walkthrough panel and the coverage page (issue 8). */
export const crosswalkMessages = {
  'crosswalk.item.heading': 'Also relevant to',
  'crosswalk.item.intro': 'Where this item meets other frameworks, in our own judgement. Guidance only: not legal advice and not a conformity claim.',
  'crosswalk.item.noRmf': 'No NIST AI RMF subcategory is mapped to this item.',
  'crosswalk.item.noAiAct': 'No EU AI Act article is mapped to this item.',
  'crosswalk.item.coverageLink': 'See what your implemented items cover',
  'crosswalk.loadFailed': 'The crosswalk data could not be loaded: {detail}',
  'crosswalk.rmf': 'NIST AI RMF 1.0',
  'crosswalk.aiAct': 'EU AI Act (indicative)',
  'crosswalk.strength': 'Relationship',
  'crosswalk.strength.strong': 'Strong',
  'crosswalk.strength.partial': 'Partial',
  'crosswalk.article': 'Art. {number}',
  'crosswalk.basis': 'Why: {basis}',

  'crosswalk.title': 'Crosswalks: NIST AI RMF, EU AI Act and ISO/IEC 27001',
  'crosswalk.disclaimer':
    'This page is guidance, not legal advice and not a conformity claim. The mapping between ISO/IEC 42001 and the other frameworks is our own judgement. No official mapping between the EU AI Act and ISO/IEC 42001 exists, so the EU AI Act part is indicative only: check the official text on EUR-Lex and take legal advice before relying on it. Implementing an ISO/IEC 42001 item does not by itself meet any NIST outcome or any legal obligation.',
  'crosswalk.intro':
    'A NIST AI RMF subcategory or an EU AI Act article counts as touched when at least one walkthrough item you marked implemented relates to it. Items in progress are shown apart. Controls marked not applicable count as neither.',
  'crosswalk.onlyUntouched': 'Show only what is not touched yet',
  'crosswalk.summary.rmf':
    '{touched} of {total, plural, one {# subcategory} other {# subcategories}} touched by implemented items, {inProgress} only by items in progress, {untouched} not touched.',
  'crosswalk.summary.aiAct':
    '{touched} of {total, plural, one {# mapped article} other {# mapped articles}} touched by implemented items, {inProgress} only by items in progress, {untouched} not touched.',
  'crosswalk.summary.notMapped':
    "{count, plural, one {The other article (authorities, notified bodies, penalties, amendments to other laws and the like) does not concern an organization's own management system and is not listed.} other {The other # articles (authorities, notified bodies, penalties, amendments to other laws and the like) do not concern an organization's own management system and are not listed.}}",
  'crosswalk.function': '{title} ({code})',
  'crosswalk.function.counts': '{touched} of {total} touched, {inProgress} in progress',
  'crosswalk.chapter': 'Chapter {id}: {title}',
  'crosswalk.section': 'Section {number}: {title}',
  'crosswalk.state.touched': 'Touched',
  'crosswalk.state.in-progress': 'In progress only',
  'crosswalk.state.untouched': 'Not touched',
  'crosswalk.touchedBy': 'Your items:',
  'crosswalk.link': '{item} ({strength})',
  'crosswalk.link.inProgress': '{item} ({strength}, in progress)',
  'crosswalk.untouched.rmf': 'RMF subcategories not touched yet',
  'crosswalk.untouched.aiAct': 'Mapped articles not touched yet',
  'crosswalk.untouched.none': 'None: every one is touched.',
  'crosswalk.nothingShown': 'Everything in this group is touched.',
  'crosswalk.annexIII': 'Annex III high-risk areas',
  'crosswalk.annexIII.intro':
    "An AI system used in one of these areas is, with some exceptions, high-risk under Article 6(2), and the obligations of Chapter III then apply to its provider and deployer. Record each system's indicative category in the AI system inventory.",
  'crosswalk.annexIII.area': 'Area {area}: {title}',
  'crosswalk.sources': 'Sources',
  'crosswalk.sources.rmf':
    'NIST AI RMF 1.0 (NIST AI 100-1, January 2023): functions, categories and subcategory text from the National Institute of Standards and Technology; US public domain.',
  'crosswalk.sources.aiAct':
    'Regulation (EU) 2024/1689: article numbers and titles. Source: EUR-Lex, © European Union. Only the Official Journal text is authentic.',
} as const;
