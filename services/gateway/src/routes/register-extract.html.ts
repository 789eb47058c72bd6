import { municipalities, type MunicipalityCode, type PlanStepView, type RegisterExtractView } from '@samverkan/contracts';
import escapeHtml from 'escape-html';

/*
 * The register extract as a document a person can read: Swedish, plain HTML with a language,
 * a title, headings in order, tables with captions and column headers, and neither script nor
 * inline style (the gateway's CSP allows neither), so it reads the same in a screen reader,
 * printed, or saved.
 */

const labels: Record<string, string> = {
  female: 'Kvinna',
  male: 'Man',
  other: 'Annat',
  not_stated: 'Ej angivet',
  uvas: 'Unga som varken arbetar eller studerar',
  disability: 'Unga vuxna med funktionsnedsättning',
  foreign_background: 'Personer med utländsk bakgrund',
  open: 'Öppnat',
  active: 'Pågående',
  paused: 'Vilande',
  closed: 'Avslutat',
  work: 'Arbete',
  studies: 'Studier',
  other_support: 'Annat stöd',
  moved_away: 'Flyttat',
  declined: 'Tackade nej',
  unknown: 'Okänt',
  referral: 'Remiss',
  coordination: 'Samordning',
  written: 'Skriftligt',
  oral: 'Muntligt',
  digital: 'Digitalt',
  withdrawn: 'Återkallat',
  expired: 'Har gått ut',
  lead: 'Ansvarig enhet',
  member: 'Deltagande enhet',
  case_handling: 'Handläggning av ärendet',
  consent: 'Samtycke (OSL 12 kap. 2 §)',
  duty_to_disclose: 'Uppgiftsskyldighet (OSL 10 kap. 28 §)',
  social_services_and_health_care: 'Socialtjänst och hälso- och sjukvård (OSL 26 kap. 9 §)',
  youth_activity_responsibility: 'Det kommunala aktivitetsansvaret (skollagen 29 kap. 9 §)',
  planned: 'Planerat',
  ongoing: 'Pågår',
  done: 'Genomfört',
  cancelled: 'Avbrutet',
  allowed: 'Tillåten',
  denied: 'Nekad',
  'case.open': 'Öppnade ärendet',
  'case.read': 'Läste ärendet',
  'case.list': 'Listade ärenden',
  'case.status': 'Ändrade ärendets status',
  'case.team': 'Ändrade ärendets team',
  'case.handoff.request': 'Bad en annan enhet ta över ärendet',
  'case.handoff.answer': 'Svarade på en begäran att ta över ärendet',
  'case.timeline': 'Läste ärendets händelser',
  'case.plan.read': 'Läste planen',
  'case.plan.change': 'Ändrade planen',
  'consent.record': 'Registrerade samtycke',
  'consent.withdraw': 'Registrerade återkallat samtycke',
  'consent.check': 'Kontrollerade samtycke inför remiss',
  'person.read': 'Läste personuppgifter',
  'person.rectify': 'Rättade personuppgifter',
  'person.erase': 'Raderade personuppgifter',
  'person.extract': 'Tog fram registerutdrag',
  'person.duplicate': 'Hanterade möjlig dubblett',
  'case.opened': 'Ärendet öppnades',
  'case.status-changed': 'Status ändrades',
  'team.added': 'En enhet lades till i teamet',
  'team.removed': 'En enhet togs bort ur teamet',
  'consent.recorded': 'Samtycke registrerades',
  'consent.withdrawn': 'Samtycke återkallades',
  'handoff.requested': 'Begäran om att ta över ärendet',
  'handoff.accepted': 'En annan enhet tog över ärendet',
  'handoff.declined': 'En begäran om att ta över ärendet avböjdes',
  'plan.step-added': 'Ett steg lades till i planen',
  'plan.step-changed': 'Ett steg i planen ändrades',
  'person.rectified': 'Personuppgifter rättades',
  'person.merged': 'Två registreringar av personen slogs ihop',
};

const label = (code: string | null | undefined): string => (code ? escapeHtml(labels[code] ?? code) : '–');
const text = (value: string | null | undefined): string => (value ? escapeHtml(value) : '–');

const municipality = (code: MunicipalityCode | null): string => (code ? escapeHtml(`${municipalities[code]} (${code})`) : '–');

const dateTime = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Stockholm' });
const at = (iso: string): string => escapeHtml(dateTime.format(new Date(iso)));

function table(caption: string, headers: string[], rows: string[][]): string {
  if (rows.length === 0) return `<p>${escapeHtml(caption)}: inga uppgifter.</p>`;
  return [
    '<table>',
    `<caption>${escapeHtml(caption)}</caption>`,
    `<thead><tr>${headers.map((header) => `<th scope="col">${escapeHtml(header)}</th>`).join('')}</tr></thead>`,
    `<tbody>${rows.map((cells) => `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('')}</tbody>`,
    '</table>',
  ].join('\n');
}

function planRows(steps: PlanStepView[]): string[][] {
  return steps.map((step) => [label(step.status), text(step.plannedStart), text(step.plannedEnd), text(step.actualStart), text(step.actualEnd)]);
}

export function renderRegisterExtract(extract: RegisterExtractView): string {
  const { person } = extract;
  const sections = extract.cases.map((entry, index) => {
    const { case: record } = entry;
    return [
      `<section aria-labelledby="case-${index}">`,
      `<h3 id="case-${index}">Ärende ${index + 1}, öppnat ${at(record.openedAt)}</h3>`,
      '<dl>',
      `<dt>Ansvarig organisation</dt><dd>${text(entry.ownerOrganisationName)}</dd>`,
      `<dt>Status</dt><dd>${label(record.status)}${record.outcome ? `, ${label(record.outcome)}` : ''}</dd>`,
      `<dt>Målgrupp</dt><dd>${label(record.targetGroup)}</dd>`,
      `<dt>Kommun</dt><dd>${municipality(record.municipalityCode)}</dd>`,
      '</dl>',
      table(
        'Samtycken',
        ['Syfte', 'Lämnat', 'Sätt', 'Gäller till och med', 'Status'],
        record.consents.map((consent) => [label(consent.purpose), at(consent.givenAt), label(consent.givenAs), text(consent.expiresOn), label(consent.status)]),
      ),
      table(
        'Enheter som arbetar med ärendet',
        ['Roll', 'Rättslig grund'],
        record.team.map((member) => [label(member.role), label(member.legalBasis)]),
      ),
      table('Plan', ['Status', 'Planerad start', 'Planerat slut', 'Faktisk start', 'Faktiskt slut'], planRows(entry.planSteps)),
      table(
        'Händelser',
        ['Tid', 'Händelse'],
        entry.timeline.map((event) => [at(event.at), label(event.kind)]),
      ),
      '</section>',
    ].join('\n');
  });
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Registerutdrag</title>
</head>
<body>
<main>
<h1>Registerutdrag</h1>
<p>Utdraget visar de uppgifter om dig som ${text(extract.controllerName)} behandlar i samverkansplattformen, vilka ärenden de gäller och vem som har tagit del av uppgifterna. Det togs fram ${at(extract.generatedAt)}.</p>
<h2>Personuppgifter</h2>
<dl>
<dt>Personnummer</dt><dd>${text(person.personnummer)}${person.coordinationNumber ? ' (samordningsnummer)' : ''}</dd>
<dt>Namn</dt><dd>${text(person.name)}</dd>
<dt>Kön</dt><dd>${label(person.gender)}</dd>
<dt>Hemkommun</dt><dd>${municipality(person.municipalityCode)}</dd>
<dt>Skyddade personuppgifter</dt><dd>${person.protectedIdentity ? 'Ja' : 'Nej'}</dd>
</dl>
<h2>Ärenden</h2>
${sections.length > 0 ? sections.join('\n') : '<p>Inga ärenden.</p>'}
<h2>Vem som har tagit del av uppgifterna</h2>
${table(
  'Åtkomster',
  ['Tid', 'Organisation', 'Enhet', 'Vad', 'Utfall', 'Rättslig grund'],
  extract.accesses.map((access) => [
    at(access.at),
    text(access.organisationName),
    text(access.unitName),
    label(access.action),
    label(access.outcome),
    label(access.legalBasis),
  ]),
)}
</main>
</body>
</html>
`;
}
