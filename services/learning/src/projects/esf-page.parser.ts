import {
  EsfProjectField,
  type EsfOrganisationRef,
  type EsfPageLine,
  type EsfPageReport,
  type EsfProjectView,
  type EsfUnmatchedOrganisation,
  type MunicipalityCode,
} from '@samverkan/contracts';
import { inCodeOrder, municipalityCodesOf, organisationMatcher, type OrganisationNames } from './esf-page.names';
import { readEmail, readKronor, readPeriod, readProjectNumber, type Read } from './esf-page.values';

/*
 * An ESF project page as plain text: page furniture, the title, label/value lines (the label
 * often glued to its value: "Beviljat ESF-stöd3 806 584 kr"), free-text sections under their
 * headings, then the lists of partners and municipalities. Every line ends up in the project, in
 * the report's furniture or in its unrecognised lines; none is dropped unseen.
 */

/** What is wrong with a page: the field, and the line (counted from 1) when one line is to blame. */
export interface EsfPageError {
  field: string;
  line: number | null;
  message: string;
}

export type EsfParseResult = { ok: true; project: EsfProjectView; report: EsfPageReport } | { ok: false; errors: EsfPageError[] };

export interface EsfPageContext {
  /** The organisations partners and owners are linked to, by name or alias. */
  organisations: readonly OrganisationNames[];
}

type LabelField =
  | 'projectNumber'
  | typeof EsfProjectField.ProgrammeArea
  | typeof EsfProjectField.Phase
  | typeof EsfProjectField.Owner
  | typeof EsfProjectField.ContactName
  | typeof EsfProjectField.ContactEmail
  | typeof EsfProjectField.ContactPhone
  | typeof EsfProjectField.GrantedEsfSupport
  | typeof EsfProjectField.TotalBudget
  | typeof EsfProjectField.Period
  | typeof EsfProjectField.Region;

type TextField =
  | 'summaryEnglish'
  | typeof EsfProjectField.Summary
  | typeof EsfProjectField.Background
  | typeof EsfProjectField.Goals
  | typeof EsfProjectField.TargetGroups
  | typeof EsfProjectField.Accessibility
  | typeof EsfProjectField.GenderEquality
  | typeof EsfProjectField.TransnationalCooperation;

/** The labels and the fields they fill, longest first so that "Telefonnummer" is not read as "Telefon". */
const labels: readonly (readonly [label: string, field: LabelField])[] = (
  [
    ['Programområde', EsfProjectField.ProgrammeArea],
    ['Projektfas', EsfProjectField.Phase],
    ['Projektägare', EsfProjectField.Owner],
    ['Kontaktperson', EsfProjectField.ContactName],
    ['E-postadress', EsfProjectField.ContactEmail],
    ['E-post', EsfProjectField.ContactEmail],
    ['Telefonnummer', EsfProjectField.ContactPhone],
    ['Telefon', EsfProjectField.ContactPhone],
    ['Beviljat ESF-stöd', EsfProjectField.GrantedEsfSupport],
    ['Total projektbudget', EsfProjectField.TotalBudget],
    ['Projektperiod', EsfProjectField.Period],
    ['Region', EsfProjectField.Region],
    ['Ärendenummer', 'projectNumber'],
    ['Diarienummer', 'projectNumber'],
    ['Projektnummer', 'projectNumber'],
  ] as const
)
  .slice()
  .sort(([a], [b]) => b.length - a.length);

/** Fields whose values have a form of their own: a line that starts with their label is theirs. */
const typedFields = new Set<LabelField>([
  'projectNumber',
  EsfProjectField.ContactEmail,
  EsfProjectField.GrantedEsfSupport,
  EsfProjectField.TotalBudget,
  EsfProjectField.Period,
]);

/** A page is one when it has at least this many of the labels (the ärendenummer not counted). */
const fewestLabelsOfAPage = 2;

type Section = { kind: 'header' } | { kind: 'text'; fields: readonly TextField[] } | { kind: 'partners' } | { kind: 'municipalities' };

const textSection = (...fields: TextField[]): Section => ({ kind: 'text', fields });

/** Headings by their lower-case text, a trailing colon left out. */
const headings = new Map<string, Section>([
  ['sammanfattning', textSection(EsfProjectField.Summary)],
  ['summary in english', textSection('summaryEnglish')],
  ['english summary', textSection('summaryEnglish')],
  ['summary', textSection('summaryEnglish')],
  ['sammanfattning på engelska', textSection('summaryEnglish')],
  ['bakgrund', textSection(EsfProjectField.Background)],
  ['målsättning', textSection(EsfProjectField.Goals)],
  ['mål', textSection(EsfProjectField.Goals)],
  ['syfte och mål', textSection(EsfProjectField.Goals)],
  ['målgrupp', textSection(EsfProjectField.TargetGroups)],
  ['målgrupper', textSection(EsfProjectField.TargetGroups)],
  ['tillgänglighet', textSection(EsfProjectField.Accessibility)],
  ['jämställdhet', textSection(EsfProjectField.GenderEquality)],
  ['transnationellt samarbete', textSection(EsfProjectField.TransnationalCooperation)],
  ['samarbetspartners', { kind: 'partners' }],
  ['samarbetspartner', { kind: 'partners' }],
  ['samverkanspartners', { kind: 'partners' }],
  ['kommun', { kind: 'municipalities' }],
  ['kommuner', { kind: 'municipalities' }],
]);

/** The horizontal principles under one heading: "Tillgänglighet, jämställdhet och icke-diskriminering". */
const horizontalPrinciples = new Set(['tillgänglighet', 'jämställdhet', 'icke-diskriminering', 'likabehandling']);

function headingOf(line: string): Section | null {
  const key = line.toLocaleLowerCase('sv-SE').replace(/ ?:$/, '');
  const known = headings.get(key);
  if (known) return known;
  const words = key.split(/[ ,&]+/).filter((word) => word !== 'och' && word !== '');
  if (words.length < 2 || !words.every((word) => horizontalPrinciples.has(word))) return null;
  const fields: TextField[] = [];
  if (words.includes('tillgänglighet')) fields.push(EsfProjectField.Accessibility);
  if (words.includes('jämställdhet')) fields.push(EsfProjectField.GenderEquality);
  return fields.length > 0 ? textSection(...fields) : null;
}

/** Lines of the site around every page, wherever they stand. */
const siteFurniture: readonly RegExp[] = [
  /^logotyp(?: på utskrifter)?$/i,
  /^skriv ut(?: sidan)?$/i,
  /^dela(?: sidan)?(?: på (?:facebook|linkedin|twitter|x))?$/i,
  /^till toppen$/i,
  /^tillbaka(?: till (?:projektbanken|sökresultatet|föregående sida))?$/i,
  /^hoppa till (?:huvud)?innehåll(?:et)?$/i,
  /^(?:meny|sök|stäng|startsida|projektbanken)$/i,
  /^(?:sidan )?(?:senast )?(?:uppdaterad|uppdaterades|ändrad|publicerad)\b.*\d{4}-\d{2}-\d{2}$/i,
  /^(?:godkänn|acceptera|neka)(?: alla)?(?: kakor| cookies)?$/i,
  /^(?:läs mer om |inställningar för )?(?:kakor|cookies)$/i,
  // Bullets, rules and icons: nothing to read.
  /^[^\p{L}\p{N}]+$/u,
];

/** Lines that are furniture before the title, though they could be text inside a section. */
const furnitureBeforeTitle: readonly RegExp[] = [
  /\b(?:kakor|cookies)\b/i,
  /^du är här\b/i,
  /^(?:startsida|start|hem|projektbanken) ?[>›»/|]/i,
  /^(?:obs|observera|notera|viktigt)\b/i,
  // A notice is a sentence; a title is not.
  /^(?:\S+ ){3,}\S*[.!]$/,
];

const invisibleCharacters = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const spaceCharacters = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

/** One line as it compares: composed characters, every kind of space a single plain space. */
function cleanLine(raw: string): string {
  return raw.normalize('NFC').replace(invisibleCharacters, '').replace(spaceCharacters, ' ').replace(/ {2,}/g, ' ').trim();
}

const bullet = /^(?:[•◦▪●·*–—-] ?|\d{1,2}[.)] )/;
const loneBullet = /^[•◦▪●·*–—-]$/;

interface LabelLine {
  label: string;
  field: LabelField;
  value: string;
  /** "Region Östra Mellansverige": the label and its value only a space apart. */
  spaced: boolean;
}

function labelOf(line: string): LabelLine | null {
  const lowerCase = line.toLocaleLowerCase('sv-SE');
  for (const [label, field] of labels) {
    if (!lowerCase.startsWith(label.toLocaleLowerCase('sv-SE'))) continue;
    const rest = line.slice(label.length);
    const value = rest.replace(/^ ?:? ?/, '');
    // A text glued to its label starts as a value does ("ProjektägareRegionförbundet"), not in
    // lower case as the rest of a word would ("Regionförbundet", "Projektägaren"). A glued amount,
    // period or address is the label's whatever its case, and an error if it is no value.
    const glued = value === rest && value !== '';
    if (glued && !typedFields.has(field) && /^\p{Ll}/u.test(value)) continue;
    return { label, field, value, spaced: rest === ` ${value}` && value !== '' };
  }
  return null;
}

function projectKeyOf(title: string, projectNumber: string | null): string {
  if (projectNumber !== null) return `esf:${projectNumber.replace('/', '-')}`;
  const words = title
    .normalize('NFKC')
    .toLocaleLowerCase('sv-SE')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
  return `title:${words}`;
}

interface Labelled {
  readonly label: string;
  value: string;
  /** The line of the value: the label's own, or the next when the page puts the value under it. */
  line: number;
}

/** One pass over the page's lines; `result()` turns what it gathered into the project or the errors. */
class PageReading {
  private readonly furniture: EsfPageLine[] = [];
  private readonly unrecognised: EsfPageLine[] = [];
  private readonly errors: EsfPageError[] = [];
  private title: EsfPageLine | null = null;
  private readonly labelled = new Map<LabelField, Labelled>();
  private readonly texts = new Map<TextField, string[]>();
  private readonly partners: EsfPageLine[] = [];
  private readonly municipalityCodes = new Set<MunicipalityCode>();
  private section: Section = { kind: 'header' };
  /** A label alone on its line: its value is on the next line, unless that is another label or a heading. */
  private awaitingValue: Labelled | null = null;

  constructor(private readonly context: EsfPageContext) {}

  read(line: number, raw: string): void {
    const text = cleanLine(raw);
    if (text === '' || loneBullet.test(text)) {
      if (this.section.kind === 'text') this.appendText('');
    } else if (this.isFurniture(text)) {
      this.furniture.push({ line, text });
    } else {
      const heading = headingOf(text);
      if (heading) this.open(heading);
      else if (this.section.kind === 'header') this.readHeader(line, text);
      else if (this.section.kind === 'text') this.appendText(text);
      else if (this.section.kind === 'partners') this.readPartner(line, text);
      else this.readMunicipalities(line, text);
    }
  }

  private isFurniture(text: string): boolean {
    const beforeTitle = this.section.kind === 'header' && this.title === null;
    return siteFurniture.some((pattern) => pattern.test(text)) || (beforeTitle && furnitureBeforeTitle.some((pattern) => pattern.test(text)));
  }

  private open(section: Section): void {
    this.awaitingValue = null;
    this.section = section;
    // The same heading again continues its text after a blank line.
    if (section.kind === 'text') this.appendText('');
  }

  private readHeader(line: number, text: string): void {
    const label = labelOf(text);
    // Before the title, a label only a space from its value is the title's first word: "Region
    // Örebro läns satsning på unga". Glued, before a colon or alone on its line, it is a label.
    const labelled = label?.spaced && this.title === null && !this.awaitingValue ? null : label;
    if (labelled) {
      const earlier = this.labelled.get(labelled.field);
      this.awaitingValue = null;
      if (earlier) {
        this.errors.push({ field: labelled.field, line, message: `${labelled.label} is on the page twice, first on line ${earlier.line}` });
      } else {
        const entry = { label: labelled.label, value: labelled.value, line };
        this.labelled.set(labelled.field, entry);
        if (entry.value === '') this.awaitingValue = entry;
      }
    } else if (this.awaitingValue) {
      this.awaitingValue.value = text;
      this.awaitingValue.line = line;
      this.awaitingValue = null;
    } else if (this.title === null) {
      this.title = { line, text };
    } else {
      this.unrecognised.push({ line, text });
    }
  }

  private appendText(text: string): void {
    if (this.section.kind !== 'text') return;
    for (const field of this.section.fields) {
      const lines = this.texts.get(field) ?? [];
      lines.push(text);
      this.texts.set(field, lines);
    }
  }

  private readPartner(line: number, text: string): void {
    const name = text.replace(bullet, '').trim();
    if (name !== '') this.partners.push({ line, text: name });
  }

  /** One municipality a line, or several: "Örebro, Kumla och Hallsberg". */
  private readMunicipalities(line: number, text: string): void {
    const names = text
      .replace(bullet, '')
      .split(/ ?[,;] ?| och /)
      .map((name) => name.trim())
      .filter((name) => name !== '');
    for (const name of names) {
      const codes = municipalityCodesOf(name);
      if (codes) codes.forEach((code) => this.municipalityCodes.add(code));
      else this.unrecognised.push({ line, text: name });
    }
  }

  result(): EsfParseResult {
    const labelCount = [...this.labelled.keys()].filter((field) => field !== 'projectNumber').length;
    if (labelCount < fewestLabelsOfAPage) {
      const message = 'is not an ESF project page: it lacks the labels of one (Programområde, Projektägare, Beviljat ESF-stöd, Projektperiod…)';
      return { ok: false, errors: [{ field: 'text', line: null, message }] };
    }
    if (this.title === null) {
      return {
        ok: false,
        errors: [{ field: 'title', line: null, message: 'the page has no title: no line before its labels and sections names the project' }],
      };
    }

    const errors = [...this.errors];
    const valueOf = <T>(field: LabelField, read: (value: string) => Read<T>): T | null => {
      const labelled = this.labelled.get(field);
      if (!labelled || labelled.value === '') return null;
      const value = read(labelled.value);
      if (value.ok) return value.value;
      errors.push({ field: value.field ?? field, line: labelled.line, message: value.message });
      return null;
    };
    const textOf = (field: LabelField) => valueOf(field, (value) => ({ ok: true, value }));

    const projectNumber = valueOf('projectNumber', readProjectNumber);
    const grantedEsfSupportKronor = valueOf(EsfProjectField.GrantedEsfSupport, readKronor);
    const totalBudgetKronor = valueOf(EsfProjectField.TotalBudget, readKronor);
    const period = valueOf(EsfProjectField.Period, readPeriod);
    const contactEmail = valueOf(EsfProjectField.ContactEmail, readEmail);
    if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };

    const match = organisationMatcher(this.context.organisations);
    const unmatchedOrganisations: EsfUnmatchedOrganisation[] = [];
    const linked = (field: EsfUnmatchedOrganisation['field'], { line, text: name }: EsfPageLine): EsfOrganisationRef => {
      const found = match(name);
      if (found.organisationId === null) unmatchedOrganisations.push({ field, line, name, reason: found.reason });
      return { name, organisationId: found.organisationId };
    };
    const owner = this.labelled.get(EsfProjectField.Owner);
    const sectionText = (field: TextField): string | null =>
      (this.texts.get(field) ?? [])
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim() || null;

    const project: EsfProjectView = {
      projectKey: projectKeyOf(this.title.text, projectNumber),
      projectNumber,
      title: this.title.text,
      programmeArea: textOf(EsfProjectField.ProgrammeArea),
      phase: textOf(EsfProjectField.Phase),
      owner: owner && owner.value !== '' ? linked(EsfProjectField.Owner, { line: owner.line, text: owner.value }) : null,
      contactName: textOf(EsfProjectField.ContactName),
      contactEmail,
      contactPhone: textOf(EsfProjectField.ContactPhone),
      grantedEsfSupportKronor,
      totalBudgetKronor,
      period,
      region: textOf(EsfProjectField.Region),
      summary: sectionText(EsfProjectField.Summary),
      summaryEnglish: sectionText('summaryEnglish'),
      background: sectionText(EsfProjectField.Background),
      goals: sectionText(EsfProjectField.Goals),
      targetGroups: sectionText(EsfProjectField.TargetGroups),
      accessibility: sectionText(EsfProjectField.Accessibility),
      genderEquality: sectionText(EsfProjectField.GenderEquality),
      transnationalCooperation: sectionText(EsfProjectField.TransnationalCooperation),
      partners: this.partners.map((partner) => linked(EsfProjectField.Partners, partner)),
      municipalityCodes: inCodeOrder(this.municipalityCodes),
    };
    const missing = Object.values(EsfProjectField).filter((field) => {
      const value = project[field];
      return value === null || (Array.isArray(value) && value.length === 0);
    });
    return {
      ok: true,
      project,
      report: { furniture: this.furniture, unrecognised: this.unrecognised, unmatchedOrganisations, missing },
    };
  }
}

/**
 * Parses the plain text of an ESF project page. Pure: the same text and organisations give the
 * same result. Bad values (an amount that is not one, a period that ends before it starts, a day
 * that does not exist) and text that is no project page are errors naming the field and the line.
 */
export function parseEsfProjectPage(page: string, known: EsfPageContext): EsfParseResult {
  const reading = new PageReading(known);
  page.split(/\r\n|\r|\n/).forEach((line, index) => reading.read(index + 1, line));
  return reading.result();
}
