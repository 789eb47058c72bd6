import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImportEsfPageBody, municipalityCodes, ParsedEsfPageView, validatePayload, type EsfProjectView } from '@samverkan/contracts';
import type { OrganisationNames } from './esf-page.names';
import { parseEsfProjectPage, type EsfPageError } from './esf-page.parser';

/** A stable organisation id per name, shaped as the directory's ids are. */
const idOf = (name: string): string => {
  const index = knownNames.indexOf(name);
  if (index < 0) throw new Error(`no known organisation ${name}`);
  return `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
};

const knownNames = [
  'Region Örebro län',
  'Arbetsförmedlingen Örebro',
  'Försäkringskassan Örebro',
  'ABF Örebro län',
  'Länsstyrelsen i Örebro län',
  'Vuxenutbildning och Arbetsmarknad – Jobbcentrum',
  'Samhall',
  'Örebro kommun',
  'Kumla kommun',
  'Askersunds kommun',
  'Hallsbergs kommun',
  'Laxå kommun',
  'Lekebergs kommun',
  'Karlskoga kommun',
  'Lindesbergs kommun',
  'Nora kommun',
];

const aliases: Record<string, string[]> = {
  'Region Örebro län': ['Regionförbundet Örebro'],
  'Arbetsförmedlingen Örebro': ['Arbetsförmedlingen'],
};

const organisations: OrganisationNames[] = knownNames.map((name) => ({ id: idOf(name), name, aliases: aliases[name] ?? [] }));
const known = { organisations };

function fixture(name: string): string {
  return readFileSync(join(__dirname, 'fixtures', `${name}.txt`), 'utf8');
}

function parsed(text: string, context = known) {
  const result = parseEsfProjectPage(text, context);
  if (!result.ok) throw new Error(`expected a project, got ${JSON.stringify(result.errors)}`);
  return result;
}

function refused(text: string): EsfPageError[] {
  const result = parseEsfProjectPage(text, known);
  if (result.ok) throw new Error(`expected errors, got the project ${result.project.title}`);
  return result.errors;
}

/** A page of the title and the lines given; with fewer than two labels it is no page. */
const aPage = (...lines: string[]): string => ['Ung framtid', ...lines].join('\n');

/** Labels that make a page of the lines under test; two of them are used, of fields those lines do not give. */
const otherLabels = ['ProjektfasGenomförande', 'Programområde2. Öka övergångarna till arbete', 'ProjektägareKumla kommun'];

/** A page of the lines under test after two labels of other fields: the title is line 1, the first line under test line 4. */
const aPageWith = (...lines: string[]): string => {
  const label = (line: string) => line.slice(0, 10).toLowerCase();
  const others = otherLabels.filter((other) => !lines.some((line) => label(line) === label(other))).slice(0, 2);
  return aPage(...others, ...lines);
};

describe('parseEsfProjectPage', () => {
  describe('the fixtures', () => {
    it('reads every field of a complete page with labels glued to their values', () => {
      const { project, report } = parsed(fixture('complete'));

      expect(project).toEqual<EsfProjectView>({
        projectKey: 'esf:2015-3127',
        projectNumber: '2015-3127',
        title: 'Nya vägar Sydnärke – unga tillbaka till studier och arbete',
        programmeArea: '2. Öka övergångarna till arbete',
        phase: 'Genomförande',
        owner: { name: 'Kumla kommun', organisationId: idOf('Kumla kommun') },
        contactName: 'Linnea Bergkvist',
        contactEmail: 'linnea.bergkvist@kumla.se',
        contactPhone: '070-174 06 21',
        grantedEsfSupportKronor: 4_212_880,
        totalBudgetKronor: 8_425_760,
        period: { start: '2015-09-01', end: '2018-08-31' },
        region: 'Östra Mellansverige',
        summary:
          'Nya vägar Sydnärke samlar fem kommuner i södra Örebro län kring unga mellan 16 och 24 år som varken arbetar eller studerar. ' +
          'Varje deltagare får en egen coach och en plan som följer med mellan kommunens aktivitetsansvar, Arbetsförmedlingen och vuxenutbildningen.\n' +
          'Projektet prövar också en gemensam ingång där unga kan söka stöd utan att först veta vilken myndighet som ansvarar.',
        summaryEnglish: null,
        background:
          'I Sydnärke saknar var sjätte ung vuxen fullständiga gymnasiebetyg. Kartläggningen inför projektet visade att unga ofta lämnas utan ' +
          'kontakt i flera månader när de byter huvudman, och att de små kommunerna saknar resurser att var för sig bygga upp ett uppsökande arbete.',
        goals:
          'Projektet ska:\n' +
          '- nå 240 unga som varken arbetar eller studerar\n' +
          '- ge minst hälften av deltagarna en övergång till arbete eller studier\n' +
          '- lämna efter sig en gemensam rutin för överlämning mellan kommunerna och Arbetsförmedlingen',
        targetGroups:
          'Unga 16–24 år i Askersund, Hallsberg, Kumla, Laxå och Lekeberg som varken arbetar eller studerar, däribland unga som avbrutit gymnasiet.',
        accessibility:
          'Alla träffpunkter är tillgängliga med rullstol och coacherna har utbildats i neuropsykiatriska funktionsnedsättningar. ' +
          'Information finns på lättläst svenska.',
        genderEquality: 'Deltagarnas tid hos coach och insatser följs upp fördelat på kvinnor och män, så att unga kvinnor inte får kortare stöd än unga män.',
        transnationalCooperation: 'Projektet utbyter erfarenheter om uppsökande arbete med en kommun i Finland.',
        partners: ['Arbetsförmedlingen Örebro', 'Askersunds kommun', 'Hallsbergs kommun', 'Laxå kommun', 'Lekebergs kommun', 'ABF Örebro län'].map((name) => ({
          name,
          organisationId: idOf(name),
        })),
        municipalityCodes: ['1814', '1860', '1861', '1881', '1882'],
      });
      expect(report).toEqual({ furniture: [{ line: 1, text: 'Logotyp på utskrifter' }], unrecognised: [], unmatchedOrganisations: [], missing: [] });
    });

    it('reads labels after a space or a colon and names every field the page leaves out or empty', () => {
      const { project, report } = parsed(fixture('missing-fields'));

      expect(project).toMatchObject({
        projectKey: 'title:förstudie-arbete-efter-förmåga-karlskoga-degerfors',
        projectNumber: null,
        title: 'Förstudie Arbete efter förmåga Karlskoga-Degerfors',
        programmeArea: '2. Öka övergångarna till arbete',
        phase: 'Förstudie',
        owner: { name: 'Karlskoga kommun', organisationId: idOf('Karlskoga kommun') },
        contactName: 'Johan Ekström',
        contactEmail: 'johan.ekstrom@karlskoga.se',
        contactPhone: null,
        grantedEsfSupportKronor: 498_350,
        totalBudgetKronor: null,
        period: { start: '2016-02-01', end: '2016-07-31' },
        region: null,
        targetGroups: null,
        partners: [],
        municipalityCodes: ['1862', '1883'],
      });
      expect(report.missing).toEqual([
        'contactPhone',
        'totalBudgetKronor',
        'region',
        'targetGroups',
        'accessibility',
        'genderEquality',
        'transnationalCooperation',
        'partners',
      ]);
      expect(report.unrecognised).toEqual([]);
    });

    it('skips the furniture before the title and after the lists, and reports the one line it does not know', () => {
      const { project, report } = parsed(fixture('extra-furniture'));

      expect(project.title).toBe('Steget vidare Bergslagen');
      expect(report.furniture).toEqual([
        { line: 1, text: 'Hoppa till huvudinnehåll' },
        { line: 2, text: 'Vi använder kakor (cookies) för att webbplatsen ska fungera bra för dig.' },
        { line: 3, text: 'Godkänn alla kakor' },
        { line: 4, text: 'Läs mer om kakor' },
        { line: 5, text: 'Meny' },
        { line: 6, text: 'Sök' },
        { line: 7, text: 'Startsida › Projektbanken › Steget vidare Bergslagen' },
        { line: 8, text: 'Projektet är avslutat och sidan uppdateras inte längre.' },
        { line: 9, text: 'Logotyp på utskrifter' },
        { line: 11, text: 'Skriv ut' },
        { line: 12, text: 'Dela sidan' },
        { line: 48, text: 'Till toppen' },
        { line: 49, text: 'Dela på Facebook' },
        { line: 50, text: 'Senast uppdaterad 2019-03-14' },
      ]);
      expect(report.unrecognised).toEqual([{ line: 24, text: 'Beslutsdatum2016-06-14' }]);
      expect(project.municipalityCodes).toEqual(['1863', '1864', '1884', '1885']);
      expect(project.partners.map((partner) => partner.name)).toEqual(['Försäkringskassan Örebro', 'Region Örebro län', 'Nora kommun']);
      expect(project.phase).toBe('Avslutat');
      expect(report.missing).toEqual([]);
    });

    it('keeps the summary in English apart and gives a section on accessibility and gender equality together to both', () => {
      const { project, report } = parsed(fixture('english-section'));
      const together =
        'Studiecirklarna hålls på dagtid med barnpassning, så att föräldrar kan delta.\n\n' +
        'Praktikplatserna väljs så att kvinnor inte bara erbjuds praktik i vård och omsorg.';

      expect(project.summaryEnglish).toBe(
        'Språnget offers women and men with a foreign background in Örebro a path to work: Swedish at the workplace, validation of skills gained abroad, ' +
          'and work placements with employers who need to recruit.\n\n' +
          'The project expects 300 participants, at least half of them women.',
      );
      expect(project.summary).toBe(
        'Språnget ger kvinnor och män med utländsk bakgrund som står långt från arbetsmarknaden i Örebro en väg till arbete: svenska på arbetsplatsen, ' +
          'validering av yrkeskunskaper från hemlandet och praktik hos arbetsgivare som behöver anställa.',
      );
      expect(project.accessibility).toBe(together);
      expect(project.genderEquality).toBe(together);
      expect(project.transnationalCooperation).toBe('Projektet samarbetar med en folkbildningsorganisation i Tyskland om språkstöd på arbetsplatser.');
      expect(project.period).toEqual({ start: '2017-01-09', end: '2019-12-20' });
      expect(project.municipalityCodes).toEqual(['1880']);
      expect(report).toEqual({ furniture: [{ line: 1, text: 'Logotyp på utskrifter' }], unrecognised: [], unmatchedOrganisations: [], missing: [] });
    });

    it('reads amounts written with non-breaking, narrow and thin spaces', () => {
      const english = fixture('english-section');
      const county = fixture('unknown-partner');
      // The fixtures must hold the spaces, or this test proves nothing.
      expect(english).toContain('2\u00a0947\u00a0530\u00a0SEK');
      expect(english).toContain('5\u202f895\u202f060 kr');
      expect(county).toContain('12\u2009480\u2009000 kr');

      expect(parsed(english).project).toMatchObject({ grantedEsfSupportKronor: 2_947_530, totalBudgetKronor: 5_895_060 });
      expect(parsed(county).project).toMatchObject({ grantedEsfSupportKronor: 12_480_000, totalBudgetKronor: 24_960_000 });
    });

    it('keeps a partner no organisation is known by, without a link, and reports it; links the others despite legal form, case and spacing', () => {
      const { project, report } = parsed(fixture('unknown-partner'));

      expect(project.owner).toEqual({ name: 'Region Örebro län', organisationId: idOf('Region Örebro län') });
      expect(project.partners).toEqual([
        { name: 'Arbetsförmedlingen Örebro', organisationId: idOf('Arbetsförmedlingen Örebro') },
        { name: 'Samhall AB', organisationId: idOf('Samhall') },
        { name: 'ÖREBRO KOMMUN', organisationId: idOf('Örebro kommun') },
        { name: 'Stiftelsen Bergslagens ungdomsgård', organisationId: null },
      ]);
      expect(report.unmatchedOrganisations).toEqual([{ field: 'partners', line: 20, name: 'Stiftelsen Bergslagens ungdomsgård', reason: 'unknown' }]);
    });

    it('reads Örebro län as all twelve municipalities and reports a municipality outside the county', () => {
      const { project, report } = parsed(fixture('unknown-partner'));

      expect(project.municipalityCodes).toEqual(municipalityCodes);
      expect(report.unrecognised).toEqual([{ line: 23, text: 'Fagersta' }]);
      expect(project.projectKey).toBe('esf:2016-1184');
    });

    it('reads values on the line under their label, and an address hidden from harvesters', () => {
      const { project, report } = parsed(fixture('values-on-own-lines'));

      expect(project).toMatchObject({
        title: 'Lekeberg för unga',
        programmeArea: '2. Öka övergångarna till arbete',
        phase: 'Genomförande',
        owner: { name: 'Lekebergs kommun', organisationId: idOf('Lekebergs kommun') },
        contactName: 'Elsa Nyström',
        contactEmail: 'elsa.nystrom@lekeberg.se',
        contactPhone: null,
        grantedEsfSupportKronor: 1_160_400,
        totalBudgetKronor: 2_320_800,
        period: { start: '2018-01-15', end: '2020-01-14' },
        region: 'Östra Mellansverige',
        municipalityCodes: ['1814'],
      });
      expect(report.unrecognised).toEqual([]);
      expect(report.missing).toContain('contactPhone');
    });

    it.each(['complete', 'missing-fields', 'extra-furniture', 'english-section', 'unknown-partner', 'values-on-own-lines'])(
      'gives for %s what the contracts describe',
      (name) => {
        const { project, report } = parsed(fixture(name));

        expect(() => validatePayload(ParsedEsfPageView, { project, report })).not.toThrow();
      },
    );

    it('reads a page with Windows line ends and decomposed letters as the same page', () => {
      const page = fixture('complete');

      expect(parsed(page.replaceAll('\n', '\r\n').normalize('NFD'))).toEqual(parsed(page));
    });
  });

  describe('labels', () => {
    it.each([
      ['ProjektfasGenomförande', 'phase', 'Genomförande'],
      ['Projektfas Genomförande', 'phase', 'Genomförande'],
      ['Projektfas: Genomförande', 'phase', 'Genomförande'],
      ['Projektfas : Genomförande', 'phase', 'Genomförande'],
      ['projektfas:Genomförande', 'phase', 'Genomförande'],
      ['Programområde1. Kompetensförsörjning', 'programmeArea', '1. Kompetensförsörjning'],
      ['KontaktpersonAnna Berg', 'contactName', 'Anna Berg'],
      ['E-postanna.berg@kumla.se', 'contactEmail', 'anna.berg@kumla.se'],
      ['E-postadress: anna.berg@kumla.se', 'contactEmail', 'anna.berg@kumla.se'],
      ['E-post anna.berg (at) kumla (punkt) se', 'contactEmail', 'anna.berg@kumla.se'],
      ['Telefonnummer031-390 06 12', 'contactPhone', '031-390 06 12'],
      ['Telefon: 070-174 06 05', 'contactPhone', '070-174 06 05'],
      ['RegionÖstra Mellansverige', 'region', 'Östra Mellansverige'],
      ['Region: Östra Mellansverige', 'region', 'Östra Mellansverige'],
      ['Ärendenummer2013-3046', 'projectNumber', '2013-3046'],
      ['Diarienummer: 2013/3046', 'projectNumber', '2013/3046'],
      ['Projektperiod2014-01-02 till 2014-12-31', 'period', { start: '2014-01-02', end: '2014-12-31' }],
    ] as const)('reads "%s" as %s', (line, field, value) => {
      expect(parsed(aPageWith(line)).project[field]).toEqual(value);
    });

    it.each([
      ['ProjektägareRegionförbundet Örebro', 'Regionförbundet Örebro', idOf('Region Örebro län')],
      ['Projektägare: Arbetsförmedlingen', 'Arbetsförmedlingen', idOf('Arbetsförmedlingen Örebro')],
      ['Projektägare Stiftelsen Bergslagens ungdomsgård', 'Stiftelsen Bergslagens ungdomsgård', null],
    ])('links the owner in "%s" to a known organisation by name or alias', (line, name, organisationId) => {
      const { project, report } = parsed(aPageWith(line));

      expect(project.owner).toEqual({ name, organisationId });
      expect(report.unmatchedOrganisations).toEqual(organisationId ? [] : [{ field: 'owner', line: 4, name, reason: 'unknown' }]);
    });

    it('keys a project by its ärendenummer, whatever the slash', () => {
      expect(parsed(aPageWith('Diarienummer: 2013/3046')).project.projectKey).toBe('esf:2013-3046');
      expect(parsed(aPageWith('Ärendenummer 2013-3046')).project.projectKey).toBe('esf:2013-3046');
    });

    it('does not read a word that starts as a label does as the label: Regionförbundet is no region', () => {
      const { project, report } = parsed(aPageWith('Regionförbundet Örebro bjuder in'));

      expect(project.region).toBeNull();
      expect(report.unrecognised).toEqual([{ line: 4, text: 'Regionförbundet Örebro bjuder in' }]);
    });

    it('takes a first line that starts with a label and a space for the title', () => {
      const { project } = parsed(['Region Örebro läns satsning på unga', 'RegionÖstra Mellansverige', 'ProjektfasGenomförande'].join('\n'));

      expect(project.title).toBe('Region Örebro läns satsning på unga');
      expect(project.region).toBe('Östra Mellansverige');
    });

    it('leaves a label without a value empty and names it missing', () => {
      const { project, report } = parsed(aPageWith('Telefonnummer:', 'RegionÖstra Mellansverige'));

      expect(project.contactPhone).toBeNull();
      expect(project.region).toBe('Östra Mellansverige');
      expect(report.missing).toContain('contactPhone');
    });
  });

  describe('amounts', () => {
    it.each([
      ['3 806 584 kr', 3_806_584],
      ['3\u00a0806\u00a0584\u00a0kr', 3_806_584],
      ['3\u2009806\u2009584 kr', 3_806_584],
      ['3\u202f806\u202f584 SEK', 3_806_584],
      ['SEK 3 806 584', 3_806_584],
      ['3806584 kr', 3_806_584],
      ['3 806 584', 3_806_584],
      ['3 806 584kr', 3_806_584],
      ['3 806 584,00 kr', 3_806_584],
      ['3 806 584 kronor', 3_806_584],
      ['3 806 584:-', 3_806_584],
      ['980 kr', 980],
      ['0 kr', 0],
    ])('reads "%s" as %i kronor', (amount, kronor) => {
      expect(parsed(aPageWith(`Beviljat ESF-stöd${amount}`, `Total projektbudget: ${amount}`)).project).toMatchObject({
        grantedEsfSupportKronor: kronor,
        totalBudgetKronor: kronor,
      });
    });

    it.each(['ca 4 miljoner kr', '3 806 584,50 kr', '3.806.584 kr', '38 06 584 kr', '3 806 584 euro', '-3 806 584 kr', 'kr', '99 999 999 999 999 999 kr'])(
      'refuses "%s" as the granted support, naming the field and the line',
      (amount) => {
        expect(refused(aPageWith(`Beviljat ESF-stöd ${amount}`))).toEqual([
          { field: 'grantedEsfSupportKronor', line: 4, message: `"${amount}" is not an amount in whole kronor, such as "3 806 584 kr"` },
        ]);
      },
    );

    it('quotes a long value that is no amount only in part', () => {
      const [error] = refused(aPageWith(`Total projektbudget ${'Budgeten fördelas på tre år. '.repeat(20)}`));

      expect(error?.message).toBe('"Budgeten fördelas på tre år. Budgeten fördelas på tre år. B…" is not an amount in whole kronor, such as "3 806 584 kr"');
    });

    it('refuses a total budget that is not an amount, naming its own field', () => {
      expect(refused(aPageWith('Total projektbudget7,6 miljoner'))).toEqual([
        { field: 'totalBudgetKronor', line: 4, message: expect.stringContaining('"7,6 miljoner" is not an amount') },
      ]);
    });
  });

  describe('periods', () => {
    it.each([
      ['2014-01-02 till 2014-12-31', '2014-01-02', '2014-12-31'],
      ['2014-01-02 - 2014-12-31', '2014-01-02', '2014-12-31'],
      ['2014-01-02–2014-12-31', '2014-01-02', '2014-12-31'],
      ['2014-06-01 TILL 2014-06-01', '2014-06-01', '2014-06-01'],
      ['2016-02-29 till 2016-12-31', '2016-02-29', '2016-12-31'],
    ])('reads "%s" as %s to %s', (period, start, end) => {
      expect(parsed(aPageWith(`Projektperiod${period}`)).project.period).toEqual({ start, end });
    });

    it.each([
      ['2014-12-31 till 2014-01-02', 'period.end', 'the period ends on 2014-01-02, before it starts on 2014-12-31'],
      ['2014-02-30 till 2014-12-31', 'period.start', 'the period starts on 2014-02-30, a day that does not exist'],
      ['2015-02-29 till 2015-12-31', 'period.start', 'the period starts on 2015-02-29, a day that does not exist'],
      ['2014-01-02 till 2014-13-01', 'period.end', 'the period ends on 2014-13-01, a day that does not exist'],
      ['2014-01-02', 'period', '"2014-01-02" is not a period such as "2014-01-02 till 2014-12-31"'],
      ['januari 2014 till december 2014', 'period', '"januari 2014 till december 2014" is not a period such as "2014-01-02 till 2014-12-31"'],
    ])('refuses "%s", naming %s and the line', (period, field, message) => {
      expect(refused(aPageWith('RegionÖstra Mellansverige', `Projektperiod: ${period}`))).toEqual([{ field, line: 5, message }]);
    });
  });

  describe('sections', () => {
    it.each([
      ['Tillgänglighet, jämställdhet och icke-diskriminering', true, true],
      ['Jämställdhet och tillgänglighet', true, true],
      ['TILLGÄNGLIGHET & JÄMSTÄLLDHET:', true, true],
      ['Jämställdhet och icke-diskriminering', false, true],
      ['Tillgänglighet', true, false],
      ['Jämställdhet:', false, true],
    ])('gives the text under "%s" to accessibility (%s) and gender equality (%s)', (heading, accessibility, genderEquality) => {
      const { project } = parsed(aPageWith('RegionÖstra Mellansverige', heading, 'Lokalerna är tillgängliga och insatserna följs upp per kön.'));

      expect(project.accessibility).toBe(accessibility ? 'Lokalerna är tillgängliga och insatserna följs upp per kön.' : null);
      expect(project.genderEquality).toBe(genderEquality ? 'Lokalerna är tillgängliga och insatserna följs upp per kön.' : null);
    });

    it.each(['Summary in English', 'English summary', 'Summary', 'Sammanfattning på engelska'])(
      'keeps the text under "%s" out of the Swedish summary',
      (heading) => {
        const { project } = parsed(aPageWith('Sammanfattning', 'Unga får stöd till arbete.', heading, 'Young people get support to find work.'));

        expect(project.summary).toBe('Unga får stöd till arbete.');
        expect(project.summaryEnglish).toBe('Young people get support to find work.');
      },
    );

    it.each([
      ['Sammanfattning', 'summary'],
      ['Bakgrund:', 'background'],
      ['Målsättning', 'goals'],
      ['Syfte och mål', 'goals'],
      ['Målgrupper', 'targetGroups'],
      ['Transnationellt samarbete', 'transnationalCooperation'],
    ] as const)('reads the text under "%s" as %s', (heading, field) => {
      expect(parsed(aPageWith(heading, 'Text under rubriken.')).project[field]).toBe('Text under rubriken.');
    });

    it('keeps paragraphs apart by one blank line, and lines that look like labels or notices as text', () => {
      const { project, report } = parsed(
        aPageWith('Bakgrund', '', 'Region Örebro län leder arbetet.', '', '', 'Vi använder kakor som belöning på fredagar.', 'Projektägare är kommunen.', ''),
      );

      expect(project.background).toBe('Region Örebro län leder arbetet.\n\nVi använder kakor som belöning på fredagar.\nProjektägare är kommunen.');
      expect(project.region).toBeNull();
      expect(report.furniture).toEqual([]);
    });

    it('continues a section whose heading comes again', () => {
      const { project } = parsed(aPageWith('Bakgrund', 'Första delen.', 'Målgrupp', 'Unga.', 'Bakgrund', 'Andra delen.'));

      expect(project.background).toBe('Första delen.\n\nAndra delen.');
    });
  });

  describe('partners', () => {
    it.each(['• ', '•', '- ', '* ', '– ', '1. ', ''])('reads partners in a list with bullets "%s"', (bullet) => {
      const { project } = parsed(aPageWith('Samarbetspartners', `${bullet}ABF Örebro län`, `${bullet}Försäkringskassan Örebro`));

      expect(project.partners).toEqual([
        { name: 'ABF Örebro län', organisationId: idOf('ABF Örebro län') },
        { name: 'Försäkringskassan Örebro', organisationId: idOf('Försäkringskassan Örebro') },
      ]);
    });

    it.each([
      ['arbetsförmedlingen örebro', 'Arbetsförmedlingen Örebro'],
      ['Arbetsförmedlingen  Örebro', 'Arbetsförmedlingen Örebro'],
      ['Arbetsförmedlingen', 'Arbetsförmedlingen Örebro'],
      ['Samhall AB', 'Samhall'],
      ['Samhall AB (publ)', 'Samhall'],
      ['Örebro Kommun', 'Örebro kommun'],
      ['ÖREBRO KOMMUN', 'Örebro kommun'],
      ['Vuxenutbildning och arbetsmarknad - Jobbcentrum', 'Vuxenutbildning och Arbetsmarknad – Jobbcentrum'],
      ['Regionförbundet Örebro', 'Region Örebro län'],
    ])('links "%s" to %s', (written, knownName) => {
      expect(parsed(aPageWith('Samarbetspartners', written)).project.partners).toEqual([
        { name: written.replace(/ {2,}/g, ' '), organisationId: idOf(knownName) },
      ]);
    });

    it.each(['Örebro', 'Arbetsförmedlingen Karlskoga', 'Föreningen Samhall'])('does not link "%s", which is another name', (written) => {
      const { project, report } = parsed(aPageWith('Samarbetspartners', written));

      expect(project.partners).toEqual([{ name: written, organisationId: null }]);
      expect(report.unmatchedOrganisations).toEqual([{ field: 'partners', line: 5, name: written, reason: 'unknown' }]);
    });

    it('links a name two organisations answer to to neither, and says why', () => {
      const twoOfThem = {
        organisations: [
          { id: idOf('Örebro kommun'), name: 'Örebro kommun', aliases: ['Jobbcentrum'] },
          { id: idOf('Vuxenutbildning och Arbetsmarknad – Jobbcentrum'), name: 'Vuxenutbildning och Arbetsmarknad – Jobbcentrum', aliases: ['Jobbcentrum'] },
        ],
      };
      const { project, report } = parsed(aPageWith('Samarbetspartners', 'Jobbcentrum'), twoOfThem);

      expect(project.partners).toEqual([{ name: 'Jobbcentrum', organisationId: null }]);
      expect(report.unmatchedOrganisations).toEqual([{ field: 'partners', line: 5, name: 'Jobbcentrum', reason: 'ambiguous' }]);
    });
  });

  describe('municipalities', () => {
    it.each([
      ['Lekeberg', '1814'],
      ['Lekebergs kommun', '1814'],
      ['Laxå kommun', '1860'],
      ['Hallsbergs kommun', '1861'],
      ['Degerfors kommun', '1862'],
      ['Hällefors kommun', '1863'],
      ['Ljusnarsbergs kommun', '1864'],
      ['Örebro', '1880'],
      ['Örebro kommun', '1880'],
      ['Örebro Kommun', '1880'],
      ['Kumla kommun', '1881'],
      ['Askersunds kommun', '1882'],
      ['Karlskoga kommun', '1883'],
      ['Nora kommun', '1884'],
      ['Lindesbergs kommun', '1885'],
      ['LINDESBERG', '1885'],
    ])('reads "%s" as %s', (name, code) => {
      expect(parsed(aPageWith('Kommun', `• ${name}`)).project.municipalityCodes).toEqual([code]);
    });

    it.each(['Örebro län', 'Örebro läns kommuner', 'Region Örebro län', 'Hela Örebro län', 'Hela länet'])(
      'reads "%s" as every municipality of the county',
      (name) => {
        const { project, report } = parsed(aPageWith('Kommuner', name));

        expect(project.municipalityCodes).toEqual(municipalityCodes);
        expect(report.unrecognised).toEqual([]);
      },
    );

    it('reads several municipalities on one line, each code once and in code order', () => {
      const { project } = parsed(aPageWith('Kommun', 'Örebro, Kumla och Hallsberg', '• Örebro kommun'));

      expect(project.municipalityCodes).toEqual(['1861', '1880', '1881']);
    });

    it('reports a name that is no municipality of the county, and keeps the others on its line', () => {
      const { project, report } = parsed(aPageWith('Kommun', '• Fagersta', 'Örebro, Västerås'));

      expect(project.municipalityCodes).toEqual(['1880']);
      expect(report.unrecognised).toEqual([
        { line: 5, text: 'Fagersta' },
        { line: 6, text: 'Västerås' },
      ]);
    });
  });

  describe('furniture', () => {
    it.each([
      'Logotyp på utskrifter',
      'Hoppa till huvudinnehåll',
      'Vi använder cookies för att förbättra webbplatsen.',
      'Godkänn',
      'Du är här: Startsida / Projektbanken',
      'Hem > Projekt > Ung framtid',
      'Observera: sidan visar projektet som det beviljades',
      'Informationen på den här sidan kommer från projektets ansökan.',
      '•••',
      'Skriv ut',
    ])('skips "%s" before the title', (line) => {
      const { project, report } = parsed([line, aPageWith('RegionÖstra Mellansverige')].join('\n'));

      expect(project.title).toBe('Ung framtid');
      expect(report.furniture).toEqual([{ line: 1, text: line }]);
      expect(report.unrecognised).toEqual([]);
    });

    it('skips print and share links after the title, but keeps a sentence there as a line it does not know', () => {
      const { report } = parsed(aPageWith('Skriv ut', 'Dela sidan', 'Projektet är avslutat sedan länge.'));

      expect(report.furniture).toEqual([
        { line: 4, text: 'Skriv ut' },
        { line: 5, text: 'Dela sidan' },
      ]);
      expect(report.unrecognised).toEqual([{ line: 6, text: 'Projektet är avslutat sedan länge.' }]);
    });
  });

  describe('no line is lost', () => {
    const stray = 'Kaffe serveras i foajén';

    it.each([
      ['among the labels', 11, 'unrecognised'],
      ['in the list of partners', 37, 'partner'],
      ['in the list of municipalities', 44, 'unrecognised'],
      ['in a section', 20, 'text'],
    ])('reports a stray line %s', (_where, afterLine, outcome) => {
      const lines = fixture('complete').split('\n');
      lines.splice(afterLine, 0, stray);
      const { project, report } = parsed(lines.join('\n'));
      const line = afterLine + 1;

      if (outcome === 'unrecognised') expect(report.unrecognised).toEqual([{ line, text: stray }]);
      if (outcome === 'partner') expect(report.unmatchedOrganisations).toEqual([{ field: 'partners', line, name: stray, reason: 'unknown' }]);
      if (outcome === 'text') expect(project.goals).toContain(stray);
    });
  });

  describe('the project key', () => {
    it('stays when the same page comes again with other furniture and figures', () => {
      const again = ['Skriv ut', fixture('complete').replace('4 212 880 kr', '4 300 000 kr').replace('Genomförande', 'Avslutat')].join('\n');

      expect(parsed(again).project.projectKey).toBe(parsed(fixture('complete')).project.projectKey);
    });

    it('is made of the title, whatever its case, spacing and punctuation, when the page has no ärendenummer', () => {
      const keys = ['Ung framtid!', 'ung  framtid', 'UNG – FRAMTID'].map(
        (title) => parsed([title, 'ProjektfasGenomförande', 'RegionÖstra Mellansverige'].join('\n')).project.projectKey,
      );

      expect(keys).toEqual(['title:ung-framtid', 'title:ung-framtid', 'title:ung-framtid']);
    });

    it('keeps the ärendenummer when the title changes', () => {
      const renamed = fixture('complete').replace('Nya vägar Sydnärke – unga tillbaka till studier och arbete', 'Nya vägar Sydnärke');

      expect(parsed(renamed).project.projectKey).toBe('esf:2015-3127');
    });
  });

  describe('bad input', () => {
    const notAPage = {
      field: 'text',
      line: null,
      message: 'is not an ESF project page: it lacks the labels of one (Programområde, Projektägare, Beviljat ESF-stöd, Projektperiod…)',
    };

    it.each([
      ['nothing', ''],
      ['blank lines', '  \n\n\t\n'],
      ['only furniture', 'Logotyp på utskrifter\nSkriv ut'],
      ['a letter', 'Hej!\nVi ses på mötet om unga i Kumla på tisdag.\nMed vänlig hälsning\nAnna'],
      ['sections without labels', 'Ung framtid\nSammanfattning\nUnga får stöd.\nBakgrund\nMånga unga står utanför.'],
      ['one label only', 'Ung framtid\nProjektägareKumla kommun\nSammanfattning\nUnga får stöd.'],
      ['labels in a section only', 'Ung framtid\nSammanfattning\nProjektägareKumla kommun\nProjektfasGenomförande'],
    ])('refuses %s as no project page', (_what, text) => {
      expect(refused(text)).toEqual([notAPage]);
    });

    it('refuses a page without a title', () => {
      expect(refused('Logotyp på utskrifter\nProgramområde2. Öka övergångarna till arbete\nProjektfasGenomförande\nSammanfattning\nUnga.')).toEqual([
        { field: 'title', line: null, message: 'the page has no title: no line before its labels and sections names the project' },
      ]);
    });

    it('refuses a label given twice, naming both lines', () => {
      expect(refused(aPageWith('Projektperiod2014-01-02 till 2014-12-31', 'Projektperiod: 2015-01-01 till 2015-12-31'))).toEqual([
        { field: 'period', line: 5, message: 'Projektperiod is on the page twice, first on line 4' },
      ]);
    });

    it('refuses an e-mail address that is not one', () => {
      expect(refused(aPageWith('E-post: linnea.bergkvist på kumla.se'))).toEqual([{ field: 'contactEmail', line: 4, message: 'is not an e-mail address' }]);
    });

    it('refuses an ärendenummer that is not one', () => {
      expect(refused(aPageWith('Ärendenummer: se beslut'))).toEqual([
        { field: 'projectNumber', line: 4, message: '"se beslut" is not an ärendenummer such as "2013-3046"' },
      ]);
    });

    it('names every bad field of a page at once, in the order of its lines', () => {
      const page = fixture('complete').replace('8 425 760 kr', 'cirka 8,4 miljoner').replace('2015-09-01 till 2018-08-31', '2018-08-31 till 2015-09-01');

      expect(refused(page).map((error) => [error.field, error.line])).toEqual([
        ['totalBudgetKronor', 11],
        ['period.end', 12],
      ]);
    });
  });
});

describe('ImportEsfPageBody', () => {
  it('takes a page of 1 to 200 000 characters and nothing else', () => {
    expect(validatePayload(ImportEsfPageBody, { text: fixture('complete') }).text).toBe(fixture('complete'));
    expect(() => validatePayload(ImportEsfPageBody, { text: 'x'.repeat(200_000) })).not.toThrow();
    expect(() => validatePayload(ImportEsfPageBody, { text: 'x'.repeat(200_001) })).toThrow('Invalid value for text');
    expect(() => validatePayload(ImportEsfPageBody, { text: '' })).toThrow('Invalid value for text');
    expect(() => validatePayload(ImportEsfPageBody, { text: 42 })).toThrow('Invalid value for text');
    expect(() => validatePayload(ImportEsfPageBody, { text: 'x', html: '<p>' })).toThrow();
  });
});
