import {
  municipalities,
  municipalityCodes,
  OrganisationType,
  StaffRole,
  TargetGroup,
  type AccessibilityFeature,
  type EligibilityRule,
  type MunicipalityCode,
  type SupportNeed,
} from '@samverkan/contracts';
import { v5 as uuidv5 } from 'uuid';
import type { Address, Capacity, CompetenceRecord } from '../directory/records';
import type { DemoDirectory, DemoOrganisation, DemoStaffMember, DemoSupportResource, DemoUnit, DemoWorkplace } from './demo-directory';

/**
 * The Örebro län demo directory: the pre-study's partners and the twelve municipalities, with
 * units, staff, the competence catalogue, support resources (insatser) and workplaces, enough to
 * show every feature of the directory with the county's own organisations.
 *
 * Ids derive from names (uuid v5 in a fixed namespace: `organisation:<name>`,
 * `unit:<org>:<unit>`, `staff:<org>:<displayName>`, `resource:<org>:<name>`,
 * `workplace:<org>:<name>`), so every start seeds the same ids, a database seeded by an earlier
 * version keeps matching, and the README's and the tests' examples keep working. Renaming an
 * entry changes its id: add entries, do not rename them.
 *
 * Everything here is fictional. Staff are named by their function, never after a person. The
 * employers are invented. The organisation numbers are generated for the demo (valid format and
 * Luhn check digit, prefixes by kind: 2021xx state agencies, 2120xx municipalities, 2321xx
 * regions, 8020xx associations, 5560xx/5568xx companies); they are not the organisations' real
 * numbers and were not looked up. Addresses, e-mail addresses and phone numbers are plausible
 * functional contact details, not verified ones.
 */
const demoNamespace = '5b0c8f7e-3d4a-4b8e-9a61-0c2f1e7d9a10';
export const demoId = (name: string): string => uuidv5(name, demoNamespace);

const { Caseworker, Coordinator, UnitManager, Analyst, Operator, Administrator, DataProtectionOfficer } = StaffRole;
const { YoungNotInEmploymentOrEducation: uvas, YoungAdultWithDisability: disability, ForeignBackground: foreign } = TargetGroup;

/** ISO 639-1 codes of the languages the demo's staff and resources use with clients. */
type Language = 'sv' | 'en' | 'ar' | 'so' | 'ti' | 'fa' | 'bs' | 'ku' | 'uk' | 'pl' | 'fi' | 'de';

// ---------------------------------------------------------------------------------------------
// The competence catalogue

/** The catalogue is data (administrators add codes); these are the codes the demo starts with. */
const competenceCatalogue = {
  npf: {
    name: 'Neuropsykiatriska funktionsnedsättningar (NPF)',
    description: 'Kunskap om adhd, autism och andra NPF-diagnoser och om anpassningar i studier, praktik och arbete.',
    addressesNeeds: ['neuropsychiatric'],
    targetGroups: [uvas, disability],
  },
  psychiatric_disability: {
    name: 'Psykisk funktionsnedsättning',
    description: 'Stöd till personer med psykisk ohälsa eller psykisk funktionsnedsättning på väg mot arbete eller studier.',
    addressesNeeds: ['psychiatric'],
    targetGroups: [disability, uvas],
  },
  swedish_second_language: {
    name: 'Svenska som andraspråk',
    description: 'Undervisning och språkstöd i svenska för personer med ett annat modersmål.',
    addressesNeeds: ['swedish_language'],
    targetGroups: [foreign],
  },
  foreign_education_validation: {
    name: 'Validering av utländsk utbildning',
    description: 'Vägledning om bedömning av utländsk utbildning och validering av yrkeskunskaper.',
    addressesNeeds: ['foreign_education_validation'],
    targetGroups: [foreign],
  },
  supported_employment_ips: {
    name: 'Supported employment/IPS',
    description: 'Individanpassat stöd till arbete enligt Supported employment och IPS: snabbt ut på arbetsplatsen, stöd på plats.',
    addressesNeeds: ['psychiatric', 'work_experience'],
    targetGroups: [disability, uvas],
  },
  kaa: {
    name: 'Kommunalt aktivitetsansvar (KAA)',
    description: 'Uppsökande arbete och individuellt stöd till unga 16–20 år som inte studerar på gymnasiet.',
    addressesNeeds: ['motivation', 'studies'],
    targetGroups: [uvas],
  },
  interpreter_coordination: {
    name: 'Tolksamordning',
    description: 'Bokar och samordnar tolk och planerar samtal med tolk, även på distans.',
    addressesNeeds: ['swedish_language'],
    targetGroups: [foreign],
  },
  motivational_interviewing: {
    name: 'Motiverande samtal (MI)',
    description: 'Samtalsmetod som stärker personens egen motivation till förändring.',
    addressesNeeds: ['motivation'],
    targetGroups: [uvas, disability, foreign],
  },
  intellectual_disability: {
    name: 'Intellektuell funktionsnedsättning',
    description: 'Kunskap om intellektuell funktionsnedsättning, tydliggörande pedagogik och anpassade uppgifter.',
    addressesNeeds: ['intellectual_disability'],
    targetGroups: [disability],
  },
  sign_language: {
    name: 'Teckenspråk',
    description: 'Kommunicerar på svenskt teckenspråk och känner till stöd för döva och hörselskadade i arbetslivet.',
    addressesNeeds: ['hearing'],
    targetGroups: [disability],
  },
  vocational_rehabilitation: {
    name: 'Arbetslivsinriktad rehabilitering',
    description: 'Kartläggning av arbetsförmåga och stegvis planering tillbaka till arbete efter sjukdom eller skada.',
    addressesNeeds: ['health_rehabilitation', 'work_experience'],
    targetGroups: [disability],
  },
  social_counselling: {
    name: 'Socialt stöd och rådgivning',
    description: 'Stöd kring boende, ekonomi, familj och andra sociala förhållanden som står i vägen för arbete eller studier.',
    addressesNeeds: ['social_situation'],
    targetGroups: [uvas, foreign],
  },
  study_guidance: {
    name: 'Studie- och yrkesvägledning',
    description: 'Vägledning om utbildningsvägar, behörighet och yrkesval, även med utländska betyg.',
    addressesNeeds: ['studies'],
    targetGroups: [uvas, foreign],
  },
} satisfies Record<string, Omit<CompetenceRecord, 'code'>>;

type CompetenceCode = keyof typeof competenceCatalogue;

const competences: CompetenceRecord[] = Object.entries(competenceCatalogue).map(([code, competence]) => ({
  code,
  ...competence,
}));

// ---------------------------------------------------------------------------------------------
// Helpers: an organisation is written as names and data; ids are derived here.

interface StaffSpec extends Omit<DemoStaffMember, 'id' | 'languages' | 'competences'> {
  languages: Language[];
  competences: CompetenceCode[];
}

interface UnitSpec extends Omit<DemoUnit, 'id' | 'staff'> {
  staff: StaffSpec[];
}

/** A support resource names its unit, which must be one of the same organisation's units. */
interface ResourceSpec extends Omit<DemoSupportResource, 'id' | 'unitId' | 'languages'> {
  unit: string;
  /** Languages it is given in besides Swedish. */
  languages: Language[];
}

type WorkplaceSpec = Omit<DemoWorkplace, 'id'>;

interface OrganisationSpec extends Omit<DemoOrganisation, 'id' | 'units' | 'supportResources' | 'workplaces' | 'inNetwork'> {
  inNetwork?: boolean;
  units: UnitSpec[];
  supportResources?: ResourceSpec[];
  workplaces?: WorkplaceSpec[];
}

function organisation(spec: OrganisationSpec): DemoOrganisation {
  const { name, units, supportResources = [], workplaces = [], inNetwork = true, ...fields } = spec;
  const unitIdOf = (unit: string): string => {
    if (!units.some((candidate) => candidate.name === unit)) throw new Error(`${name} has no unit ${unit}`);
    return demoId(`unit:${name}:${unit}`);
  };
  return {
    id: demoId(`organisation:${name}`),
    name,
    ...fields,
    inNetwork,
    units: units.map(({ staff, ...unit }) => ({
      id: unitIdOf(unit.name),
      ...unit,
      staff: staff.map((member) => ({ id: demoId(`staff:${name}:${member.displayName}`), ...member })),
    })),
    supportResources: supportResources.map(({ unit, ...resource }) => ({
      id: demoId(`resource:${name}:${resource.name}`),
      unitId: unitIdOf(unit),
      ...resource,
    })),
    workplaces: workplaces.map((workplace) => ({ id: demoId(`workplace:${name}:${workplace.name}`), ...workplace })),
  };
}

/** A staff member, named by function: display name, roles, functional e-mail or null, languages, competence codes. */
const person = (displayName: string, roles: StaffRole[], email: string | null, languages: Language[], competences: CompetenceCode[]): StaffSpec => ({
  displayName,
  roles,
  email,
  languages,
  competences,
});
const at = (street: string, postalCode: string, city: string): Address => ({ street, postalCode, city });
const ages = (min: number, max: number): { min: number; max: number } => ({ min, max });
const capacity = (places: number, taken: number, expectedWaitDays: number): Capacity => ({ places, taken, expectedWaitDays });
/** County-wide organisations and resources serve all twelve municipalities. */
const wholeCounty = (): MunicipalityCode[] => [...municipalityCodes];

// ---------------------------------------------------------------------------------------------
// Region, state agencies, civil society and Jobbcentrum

const region = organisation({
  name: 'Region Örebro län',
  type: OrganisationType.Region,
  organisationNumber: '232190-1189',
  municipalityCodes: wholeCounty(),
  description:
    'Regionen ansvarar för hälso- och sjukvård, habilitering och regional utveckling i länets tolv kommuner och driver länsgemensamma insatser för unga som varken arbetar eller studerar.',
  website: 'https://www.regionorebrolan.se',
  units: [
    {
      name: 'Regional utveckling',
      municipalityCode: null,
      email: 'regional.utveckling@regionorebrolan.se',
      phone: '019-602 10 00',
      address: at('Eklundavägen 2', '702 13', 'Örebro'),
      staff: [
        person('Anna Regional', [Analyst, Administrator], 'analys@regionorebrolan.se', ['sv', 'en'], []),
        person('Olle Drift', [Operator], 'samverkan.drift@regionorebrolan.se', ['sv', 'en'], []),
        person('Dataskyddsombud Region', [DataProtectionOfficer], 'dataskyddsombud@regionorebrolan.se', ['sv', 'en'], []),
        person('Regional samordnare UVAS', [Coordinator], 'uvas@regionorebrolan.se', ['sv', 'en'], ['motivational_interviewing']),
      ],
    },
    {
      name: 'Hälso- och sjukvård, rehabiliteringskoordinering',
      municipalityCode: null,
      email: 'rehabkoordinering@regionorebrolan.se',
      phone: '019-602 20 00',
      address: at('Södra Grev Rosengatan 30', '703 62', 'Örebro'),
      staff: [
        person(
          'Rehabkoordinator Region',
          [Caseworker],
          'rehabkoordinering@regionorebrolan.se',
          ['sv', 'en'],
          ['vocational_rehabilitation', 'motivational_interviewing'],
        ),
        person(
          'Hälsokoordinator unga vuxna',
          [Caseworker],
          'halsokoordinator@regionorebrolan.se',
          ['sv', 'en', 'ar'],
          ['motivational_interviewing', 'social_counselling'],
        ),
      ],
    },
    {
      name: 'Psykiatriska kliniken, IPS-teamet Örebro',
      municipalityCode: '1880',
      email: 'ips.orebro@regionorebrolan.se',
      phone: '019-602 35 00',
      address: at('Sommarrovägen 8', '702 16', 'Örebro'),
      staff: [
        person(
          'IPS-coach Örebro',
          [Caseworker],
          'ips.orebro@regionorebrolan.se',
          ['sv', 'en', 'ar'],
          ['supported_employment_ips', 'psychiatric_disability', 'motivational_interviewing'],
        ),
      ],
    },
    {
      name: 'Psykiatriska kliniken, IPS-teamet Karlskoga',
      municipalityCode: '1883',
      email: 'ips.karlskoga@regionorebrolan.se',
      phone: '0586-660 00',
      address: at('Lasarettsvägen 4', '691 81', 'Karlskoga'),
      staff: [
        person(
          'IPS-coach Karlskoga',
          [Caseworker],
          'ips.karlskoga@regionorebrolan.se',
          ['sv', 'bs', 'en'],
          ['supported_employment_ips', 'psychiatric_disability'],
        ),
      ],
    },
    {
      name: 'Vuxenhabiliteringen Örebro',
      municipalityCode: '1880',
      email: 'vuxenhabiliteringen@regionorebrolan.se',
      phone: '019-602 45 00',
      address: at('Västra Vintergatan 5', '703 44', 'Örebro'),
      staff: [
        person(
          'NPF-konsulent Habiliteringen',
          [Caseworker],
          'vuxenhabiliteringen@regionorebrolan.se',
          ['sv', 'en'],
          ['npf', 'intellectual_disability', 'motivational_interviewing'],
        ),
        person('Arbetsterapeut Habiliteringen', [Caseworker], null, ['sv', 'fa'], ['npf', 'vocational_rehabilitation']),
      ],
    },
    {
      name: 'Hörselvården, hörselhabilitering',
      municipalityCode: '1880',
      email: 'horselhabilitering@regionorebrolan.se',
      phone: '019-602 55 00',
      address: at('Västra Vintergatan 5', '703 44', 'Örebro'),
      staff: [
        person('Hörselpedagog Region', [Caseworker], 'horselhabilitering@regionorebrolan.se', ['sv', 'en'], ['sign_language', 'vocational_rehabilitation']),
      ],
    },
  ],
  supportResources: [
    {
      unit: 'Hälso- och sjukvård, rehabiliteringskoordinering',
      name: 'Hälsokoordinator för unga',
      description:
        'En hälsokoordinator hjälper unga med psykisk eller fysisk ohälsa att få kontakt med vården och att planera hälsa, studier och arbete tillsammans med kommunen och Arbetsförmedlingen.',
      targetGroups: [uvas, disability],
      ageRange: ages(16, 29),
      municipalityCodes: wholeCounty(),
      eligibility: [],
      accessibility: ['physical_access', 'adapted_pace', 'remote'],
      addressesNeeds: ['health_rehabilitation', 'psychiatric', 'motivation'],
      languages: ['en', 'ar'],
      capacity: capacity(40, 31, 14),
      activeFrom: '2021-03-01',
      activeUntil: null,
    },
    {
      unit: 'Psykiatriska kliniken, IPS-teamet Örebro',
      name: 'IPS – individanpassat stöd till arbete',
      description:
        'Arbetsspecialister i psykiatrin stöttar personer med psykisk funktionsnedsättning att hitta och behålla ett arbete på den öppna arbetsmarknaden, med stöd både till personen och arbetsgivaren.',
      targetGroups: [disability, uvas],
      ageRange: ages(18, 64),
      municipalityCodes: wholeCounty(),
      eligibility: [],
      accessibility: ['physical_access', 'adapted_pace', 'interpreter'],
      addressesNeeds: ['psychiatric', 'work_experience'],
      languages: ['en', 'ar'],
      capacity: capacity(30, 30, 60),
      activeFrom: '2018-09-03',
      activeUntil: null,
    },
    {
      unit: 'Vuxenhabiliteringen Örebro',
      name: 'Arbetslivsstöd för unga vuxna med NPF',
      description:
        'Habiliteringens gruppinsats och individuella stöd för unga vuxna med autism, adhd eller intellektuell funktionsnedsättning inför praktik, studier eller arbete: struktur, strategier och anpassningar.',
      targetGroups: [disability, uvas],
      ageRange: ages(18, 29),
      municipalityCodes: wholeCounty(),
      eligibility: [],
      accessibility: ['physical_access', 'adapted_pace', 'easy_swedish', 'remote'],
      addressesNeeds: ['neuropsychiatric', 'intellectual_disability', 'work_experience', 'studies'],
      languages: ['en'],
      capacity: capacity(20, 26, 120),
      activeFrom: '2020-02-03',
      activeUntil: null,
    },
    {
      unit: 'Hörselvården, hörselhabilitering',
      name: 'Hörselhabilitering i arbetslivet',
      description:
        'Stöd till döva och hörselskadade i arbete eller på väg dit: kartläggning av hörselmiljön, hjälpmedel och information till arbetsplatsen, på teckenspråk vid behov.',
      targetGroups: [disability],
      ageRange: ages(18, 64),
      municipalityCodes: wholeCounty(),
      eligibility: [],
      accessibility: ['sign_language', 'physical_access', 'remote'],
      addressesNeeds: ['hearing', 'work_experience'],
      languages: [],
      capacity: capacity(15, 6, 45),
      activeFrom: '2017-09-01',
      activeUntil: null,
    },
    {
      unit: 'Regional utveckling',
      name: 'ESF-projektet Vägen vidare',
      description:
        'Avslutat länsgemensamt projekt med stöd från Europeiska socialfonden: coachning och studiemotiverande insatser för unga som varken arbetade eller studerade.',
      targetGroups: [uvas, disability],
      ageRange: ages(16, 29),
      municipalityCodes: wholeCounty(),
      eligibility: ['resident_in_municipality'],
      accessibility: ['physical_access', 'adapted_pace'],
      addressesNeeds: ['motivation', 'studies', 'work_experience'],
      languages: ['en'],
      capacity: capacity(80, 0, 0),
      activeFrom: '2014-01-02',
      activeUntil: '2014-12-31',
    },
  ],
});

const employmentService = organisation({
  name: 'Arbetsförmedlingen Örebro',
  type: OrganisationType.StateAgency,
  organisationNumber: '202190-1133',
  municipalityCodes: wholeCounty(),
  description:
    'Statlig myndighet som matchar arbetssökande och arbetsgivare och ansvarar för arbetsmarknadspolitiska program, etableringsprogrammet och stöd till personer med funktionsnedsättning.',
  website: 'https://arbetsformedlingen.se',
  units: [
    {
      name: 'Arbetsförmedlingen Örebro, ungdom',
      municipalityCode: '1880',
      email: 'orebro.ungdom@arbetsformedlingen.se',
      phone: '010-486 10 00',
      address: at('Klostergatan 23', '703 61', 'Örebro'),
      staff: [person('Arbetsförmedlare Örebro', [Caseworker], 'orebro.ungdom@arbetsformedlingen.se', ['sv', 'en', 'so'], ['motivational_interviewing'])],
    },
    {
      name: 'Arbetsförmedlingen Karlskoga',
      municipalityCode: '1883',
      email: 'karlskoga@arbetsformedlingen.se',
      phone: '010-486 20 00',
      address: at('Kungsgatan 11', '691 31', 'Karlskoga'),
      staff: [
        person(
          'Arbetsförmedlare Karlskoga',
          [Caseworker],
          'karlskoga@arbetsformedlingen.se',
          ['sv', 'bs', 'en'],
          ['motivational_interviewing', 'interpreter_coordination'],
        ),
      ],
    },
    {
      name: 'Arbetsförmedlingen Lindesberg',
      municipalityCode: '1885',
      email: 'lindesberg@arbetsformedlingen.se',
      phone: '010-486 30 00',
      address: at('Kristinavägen 4', '711 30', 'Lindesberg'),
      staff: [
        person(
          'Arbetsförmedlare Lindesberg',
          [Caseworker],
          'lindesberg@arbetsformedlingen.se',
          ['sv', 'ar', 'ti'],
          ['interpreter_coordination', 'motivational_interviewing'],
        ),
      ],
    },
    {
      name: 'Arbetsförmedlingen Örebro, rehabilitering till arbete',
      municipalityCode: '1880',
      email: 'orebro.rehabilitering@arbetsformedlingen.se',
      phone: '010-486 40 00',
      address: at('Klostergatan 23', '703 61', 'Örebro'),
      staff: [
        person(
          'Specialisthandläggare rehabilitering',
          [Caseworker],
          'orebro.rehabilitering@arbetsformedlingen.se',
          ['sv', 'en'],
          ['vocational_rehabilitation', 'psychiatric_disability', 'npf'],
        ),
        person('SIUS-konsulent Örebro', [Caseworker], null, ['sv', 'en', 'pl'], ['supported_employment_ips', 'intellectual_disability', 'npf']),
      ],
    },
    {
      name: 'Arbetsförmedlingen Örebro, arbetsgivarservice',
      municipalityCode: '1880',
      email: 'orebro.arbetsgivare@arbetsformedlingen.se',
      phone: '010-486 50 00',
      address: at('Klostergatan 23', '703 61', 'Örebro'),
      staff: [
        person('Arbetsgivarkontakt Arbetsförmedlingen', [Coordinator, Administrator], 'orebro.arbetsgivare@arbetsformedlingen.se', ['sv', 'en'], []),
        person('Dataskyddsombud Arbetsförmedlingen', [DataProtectionOfficer], 'dataskyddsombud@arbetsformedlingen.se', ['sv', 'en'], []),
      ],
    },
  ],
  supportResources: [
    {
      unit: 'Arbetsförmedlingen Örebro, ungdom',
      name: 'Rusta och matcha',
      description:
        'En leverantör som Arbetsförmedlingen upphandlat ger individuellt stöd att rusta sig för och matchas mot arbete eller studier: jobbsökning, kontakter med arbetsgivare och uppföljning.',
      targetGroups: [uvas, foreign],
      ageRange: ages(18, 64),
      municipalityCodes: wholeCounty(),
      eligibility: ['registered_at_employment_service'],
      accessibility: ['easy_swedish', 'interpreter', 'remote'],
      addressesNeeds: ['work_experience', 'motivation', 'swedish_language'],
      languages: ['ar', 'so', 'ti', 'en'],
      capacity: capacity(200, 164, 7),
      activeFrom: '2019-11-04',
      activeUntil: null,
    },
    {
      unit: 'Arbetsförmedlingen Örebro, ungdom',
      name: 'Introduktionsprogrammet för nyanlända',
      description:
        'Etableringsinsatser för nyanlända: svenska, samhällsorientering, kartläggning av tidigare utbildning och yrkeserfarenhet, praktik och förberedande utbildning enligt en individuell plan.',
      targetGroups: [foreign],
      ageRange: ages(20, 64),
      municipalityCodes: wholeCounty(),
      eligibility: ['registered_at_employment_service', 'newly_arrived'],
      accessibility: ['interpreter', 'easy_swedish'],
      addressesNeeds: ['swedish_language', 'foreign_education_validation', 'work_experience'],
      languages: ['ar', 'ti', 'fa', 'so', 'uk', 'en'],
      capacity: capacity(150, 150, 30),
      activeFrom: '2018-01-01',
      activeUntil: null,
    },
    {
      unit: 'Arbetsförmedlingen Örebro, rehabilitering till arbete',
      name: 'Lönebidrag och introduktionsjobb',
      description:
        'Ekonomiskt stöd till arbetsgivare som anställer en person med funktionsnedsättning som medför nedsatt arbetsförmåga (lönebidrag) eller en person som varit utan arbete länge eller är nyanländ (introduktionsjobb).',
      targetGroups: [disability, foreign],
      ageRange: ages(18, 64),
      municipalityCodes: wholeCounty(),
      eligibility: ['registered_at_employment_service'],
      accessibility: ['physical_access', 'adapted_pace'],
      addressesNeeds: ['work_experience', 'physical_disability', 'neuropsychiatric'],
      languages: ['en'],
      capacity: capacity(80, 52, 21),
      activeFrom: '2017-01-02',
      activeUntil: null,
    },
    {
      unit: 'Arbetsförmedlingen Örebro, rehabilitering till arbete',
      name: 'SIUS – särskilt introduktions- och uppföljningsstöd',
      description:
        'En SIUS-konsulent följer med till arbetsplatsen, hjälper till att lära in arbetsuppgifterna och stöttar arbetsgivaren under introduktionen och den första tiden i arbetet.',
      targetGroups: [disability],
      ageRange: ages(18, 64),
      municipalityCodes: wholeCounty(),
      eligibility: ['registered_at_employment_service'],
      accessibility: ['physical_access', 'adapted_pace', 'easy_swedish'],
      addressesNeeds: ['intellectual_disability', 'neuropsychiatric', 'work_experience'],
      languages: ['en', 'pl'],
      capacity: capacity(25, 19, 21),
      activeFrom: '2016-01-04',
      activeUntil: null,
    },
  ],
  workplaces: [
    {
      employerName: 'Lindesbergs Lager & Logistik AB',
      employerOrganisationNumber: '556090-2115',
      name: 'Centrallagret Lindesberg',
      industry: 'Lager och logistik',
      municipalityCode: '1885',
      address: at('Industrigatan 14', '711 36', 'Lindesberg'),
      offers: ['work_experience', 'employment', 'subsidised_employment'],
      adaptations: ['physical_access', 'structured_tasks', 'visual_instructions', 'quiet_workspace'],
      supportNeeded: ['job_coach', 'wage_subsidy_guidance'],
      places: 6,
      email: 'rekrytering@lindesbergslager.se',
      phone: '0581-153 40',
      description:
        'Tredjepartslager med plock, packning och inleverans. Tar emot praktikanter i dagskift med fasta rutiner och bildstöd vid plockstationerna; en avskild packstation med låg ljudnivå finns.',
    },
    {
      employerName: 'Karlskoga Mekaniska Verkstad AB',
      employerOrganisationNumber: '556890-2646',
      name: 'Mekaniska verkstaden Karlskoga',
      industry: 'Tillverkning och verkstad',
      municipalityCode: '1883',
      address: at('Valsverksgatan 9', '691 51', 'Karlskoga'),
      offers: ['apprenticeship', 'employment', 'work_experience'],
      adaptations: ['visual_instructions', 'assistive_technology', 'physical_access'],
      supportNeeded: ['assistive_aids', 'accessibility_review', 'mentor_training'],
      places: 4,
      email: 'praktik@karlskogamekaniska.se',
      phone: '0586-720 15',
      description: 'Legotillverkning i CNC-maskiner och svetsning. Lärlingsplatser med handledare; lyfthjälpmedel och bildinstruktioner vid maskinerna.',
    },
    {
      employerName: 'Kumla Livs & Handel AB',
      employerOrganisationNumber: '556090-3170',
      name: 'Livsmedelsbutiken i Kumla centrum',
      industry: 'Handel',
      municipalityCode: '1881',
      address: at('Storgatan 21', '692 31', 'Kumla'),
      offers: ['work_experience', 'subsidised_employment'],
      adaptations: ['physical_access', 'reduced_hours', 'structured_tasks'],
      supportNeeded: ['supervisor_support', 'wage_subsidy_guidance'],
      places: 3,
      email: 'butik@kumlalivs.se',
      phone: '019-57 30 20',
      description: 'Livsmedelsbutik med varupåfyllning, kassa och färskvaror. Praktik på deltid är möjlig i början.',
    },
    {
      employerName: 'Örebro Teknikåtervinning AB',
      employerOrganisationNumber: '556890-3701',
      name: 'Återvinningsverkstaden Örebro',
      industry: 'Elektronikåtervinning',
      municipalityCode: '1880',
      address: at('Bettorpsgatan 12', '703 69', 'Örebro'),
      offers: ['work_experience', 'employment', 'subsidised_employment'],
      adaptations: ['quiet_workspace', 'sign_language_colleagues', 'visual_instructions', 'structured_tasks', 'physical_access'],
      supportNeeded: ['accessibility_review', 'assistive_aids'],
      places: 5,
      email: 'jobb@orebroteknikatervinning.se',
      phone: '019-24 55 10',
      description: 'Demontering och sortering av elektronik i en lugn verkstadsmiljö. Flera medarbetare kan teckenspråk och arbetsmomenten har bildstöd.',
    },
  ],
});

const socialInsurance = organisation({
  name: 'Försäkringskassan Örebro',
  type: OrganisationType.StateAgency,
  organisationNumber: '202190-2271',
  municipalityCodes: wholeCounty(),
  description:
    'Statlig myndighet som handlägger socialförsäkringen, bland annat aktivitetsersättning och sjukpenning, och samordnar rehabilitering tillsammans med vården, arbetsgivare och Arbetsförmedlingen.',
  website: 'https://www.forsakringskassan.se',
  units: [
    {
      name: 'Försäkringskassan Örebro, aktivitetsersättning',
      municipalityCode: null,
      email: 'aktivitetsersattning.orebro@forsakringskassan.se',
      phone: '010-116 10 00',
      address: at('Fabriksgatan 21', '702 10', 'Örebro'),
      staff: [
        person(
          'Handläggare aktivitetsersättning',
          [Caseworker],
          'aktivitetsersattning.orebro@forsakringskassan.se',
          ['sv', 'en'],
          ['vocational_rehabilitation', 'motivational_interviewing'],
        ),
        person('Samordnare samordnad rehabilitering', [Coordinator], null, ['sv', 'en', 'ar'], ['vocational_rehabilitation']),
      ],
    },
    {
      name: 'Försäkringskassan Lindesberg, sjukförsäkring',
      municipalityCode: '1885',
      email: 'sjukforsakring.lindesberg@forsakringskassan.se',
      phone: '010-116 20 00',
      address: at('Kungsgatan 20', '711 31', 'Lindesberg'),
      staff: [
        person(
          'Handläggare sjukpenning Lindesberg',
          [Caseworker],
          'sjukforsakring.lindesberg@forsakringskassan.se',
          ['sv', 'fi'],
          ['vocational_rehabilitation', 'psychiatric_disability'],
        ),
      ],
    },
  ],
  supportResources: [
    {
      unit: 'Försäkringskassan Örebro, aktivitetsersättning',
      name: 'Samordnad rehabilitering',
      description:
        'Försäkringskassan samordnar vården, arbetsgivaren, Arbetsförmedlingen och kommunen i en gemensam rehabiliteringsplan för den som har nedsatt arbetsförmåga på grund av sjukdom.',
      targetGroups: [disability],
      ageRange: ages(18, 64),
      municipalityCodes: wholeCounty(),
      eligibility: ['social_insurance_decision'],
      accessibility: ['physical_access', 'sign_language', 'remote', 'adapted_pace'],
      addressesNeeds: ['health_rehabilitation', 'psychiatric', 'physical_disability', 'work_experience'],
      languages: ['en', 'ar'],
      capacity: capacity(60, 44, 30),
      activeFrom: '2016-01-04',
      activeUntil: null,
    },
    {
      unit: 'Försäkringskassan Örebro, aktivitetsersättning',
      name: 'Aktiviteter för unga med aktivitetsersättning',
      description:
        'Unga med aktivitetsersättning planerar tillsammans med sin handläggare aktiviteter som stärker förmågan att arbeta eller studera, till exempel studier på folkhögskola eller arbetsträning.',
      targetGroups: [disability],
      ageRange: ages(19, 29),
      municipalityCodes: wholeCounty(),
      eligibility: ['social_insurance_decision'],
      accessibility: ['physical_access', 'adapted_pace', 'remote', 'easy_swedish'],
      addressesNeeds: ['neuropsychiatric', 'intellectual_disability', 'health_rehabilitation', 'studies'],
      languages: ['en'],
      capacity: capacity(25, 9, 10),
      activeFrom: '2019-01-07',
      activeUntil: null,
    },
  ],
});

const studyAssociation = organisation({
  name: 'ABF Örebro län',
  type: OrganisationType.CivilSociety,
  organisationNumber: '802090-2543',
  municipalityCodes: wholeCounty(),
  description:
    'Studieförbund som ordnar studiecirklar, kurser och kulturarrangemang i hela länet, bland annat svenska för nyanlända, språkcaféer och samhällsinformation på flera språk.',
  website: 'https://www.abf.se/orebrolan',
  units: [
    {
      name: 'ABF Örebro, folkbildning',
      municipalityCode: null,
      email: 'orebrolan@abf.se',
      phone: '019-16 42 00',
      address: at('Fredsgatan 18', '702 12', 'Örebro'),
      staff: [
        person('Cirkelledare ABF', [Caseworker], 'orebrolan@abf.se', ['sv', 'ar', 'fa'], ['swedish_second_language']),
        person('Verksamhetsutvecklare ABF', [Coordinator, Administrator], null, ['sv', 'en'], ['interpreter_coordination']),
      ],
    },
    {
      name: 'ABF Örebro län, Bergslagen',
      municipalityCode: '1885',
      email: 'bergslagen@abf.se',
      phone: '0581-130 00',
      address: at('Järnvägsgatan 6', '711 34', 'Lindesberg'),
      staff: [person('Cirkelledare Bergslagen', [Caseworker], 'bergslagen@abf.se', ['sv', 'ti', 'ar'], ['swedish_second_language', 'social_counselling'])],
    },
  ],
  supportResources: [
    {
      unit: 'ABF Örebro, folkbildning',
      name: 'Studiecirkel i svenska',
      description:
        'Studiecirklar i vardagssvenska i små grupper, på dagtid och kvällstid, som komplement till SFI eller i väntan på plats. Ingen anmälan via myndighet behövs.',
      targetGroups: [foreign],
      ageRange: ages(16, 64),
      municipalityCodes: wholeCounty(),
      eligibility: [],
      accessibility: ['easy_swedish', 'adapted_pace', 'remote'],
      addressesNeeds: ['swedish_language', 'social_situation'],
      languages: ['ar', 'ti', 'fa', 'so', 'uk'],
      capacity: capacity(120, 87, 0),
      activeFrom: '2015-08-17',
      activeUntil: null,
    },
    {
      unit: 'ABF Örebro län, Bergslagen',
      name: 'Språkcafé Bergslagen',
      description: 'Öppna träffar där deltagarna övar svenska i samtal med volontärer och får tips om föreningsliv och arbete på orten.',
      targetGroups: [foreign],
      ageRange: ages(16, 64),
      municipalityCodes: ['1885', '1884', '1864', '1863'],
      eligibility: [],
      accessibility: ['physical_access', 'easy_swedish'],
      addressesNeeds: ['swedish_language', 'social_situation'],
      languages: ['ar', 'ti', 'fa'],
      capacity: capacity(30, 12, 0),
      activeFrom: '2016-09-05',
      activeUntil: null,
    },
  ],
});

const countyAdministrativeBoard = organisation({
  name: 'Länsstyrelsen i Örebro län',
  type: OrganisationType.CountyAdministrativeBoard,
  organisationNumber: '202190-3410',
  municipalityCodes: wholeCounty(),
  description:
    'Statens företrädare i länet: samordnar etableringen av nyanlända regionalt, fördelar utvecklingsmedel och följer upp länets arbete med jämställdhet och integration.',
  website: 'https://www.lansstyrelsen.se/orebro',
  units: [
    {
      name: 'Enheten för jämställdhet och integration',
      municipalityCode: null,
      email: 'integration.orebro@lansstyrelsen.se',
      phone: '010-224 80 00',
      address: at('Stortorget 22', '702 11', 'Örebro'),
      staff: [
        person('Utvärderare Länsstyrelsen', [Analyst], 'integration.orebro@lansstyrelsen.se', ['sv', 'en'], []),
        person('Samordnare integration Länsstyrelsen', [Coordinator], null, ['sv', 'en', 'fa'], ['interpreter_coordination']),
      ],
    },
  ],
});

const jobbcentrum = organisation({
  name: 'Vuxenutbildning och Arbetsmarknad – Jobbcentrum',
  type: OrganisationType.Municipality,
  organisationNumber: '212090-5449',
  municipalityCodes: ['1880'],
  description:
    'Örebro kommuns förvaltning för vuxenutbildning och arbetsmarknad: arbetsträning, jobbcoachning, SFI, samhällsorientering och validering för invånare i Örebro.',
  website: 'https://www.orebro.se/jobbcentrum',
  units: [
    {
      name: 'Jobbcentrum Örebro',
      municipalityCode: '1880',
      email: 'jobbcentrum@orebro.se',
      phone: '019-21 50 00',
      address: at('Järntorgsgatan 5', '703 61', 'Örebro'),
      staff: [
        person('Jobbcoach Jobbcentrum', [Caseworker], 'jobbcentrum@orebro.se', ['sv', 'en', 'ar', 'so'], ['motivational_interviewing', 'social_counselling']),
        person('Arbetskonsulent Jobbcentrum', [Caseworker], null, ['sv', 'ti'], ['supported_employment_ips', 'vocational_rehabilitation']),
      ],
    },
    {
      name: 'Vuxenutbildningen Örebro, SFI och samhällsorientering',
      municipalityCode: '1880',
      email: 'sfi@orebro.se',
      phone: '019-21 51 00',
      address: at('Fabriksgatan 28', '702 10', 'Örebro'),
      staff: [
        person('SFI-lärare Jobbcentrum', [Caseworker], 'sfi@orebro.se', ['sv', 'en', 'fa'], ['swedish_second_language']),
        person('Samhällskommunikatör Jobbcentrum', [Caseworker], null, ['sv', 'ar', 'ku'], ['interpreter_coordination', 'social_counselling']),
      ],
    },
    {
      name: 'Validering och vägledning',
      municipalityCode: '1880',
      email: 'validering@orebro.se',
      phone: '019-21 52 00',
      address: at('Fabriksgatan 28', '702 10', 'Örebro'),
      staff: [
        person(
          'Valideringssamordnare Jobbcentrum',
          [Coordinator, Caseworker],
          'validering@orebro.se',
          ['sv', 'en', 'ar', 'ti'],
          ['foreign_education_validation', 'study_guidance'],
        ),
        person('Studie- och yrkesvägledare Jobbcentrum', [Caseworker], null, ['sv', 'en', 'so'], ['study_guidance', 'swedish_second_language']),
      ],
    },
    {
      name: 'Arbetsgivarservice Jobbcentrum',
      municipalityCode: '1880',
      email: 'arbetsgivare.jobbcentrum@orebro.se',
      phone: '019-21 53 00',
      address: at('Järntorgsgatan 5', '703 61', 'Örebro'),
      staff: [person('Arbetsgivarkontakt Jobbcentrum', [Coordinator, Administrator], 'arbetsgivare.jobbcentrum@orebro.se', ['sv', 'en'], [])],
    },
  ],
  supportResources: [
    {
      unit: 'Jobbcentrum Örebro',
      name: 'Jobbcentrum arbetsträning',
      description:
        'Arbetsträning i kommunens verksamheter och hos arbetsgivare i Örebro med jobbcoach och handledare, för den som uppbär försörjningsstöd och behöver komma närmare arbete eller studier.',
      targetGroups: [uvas, disability, foreign],
      ageRange: ages(18, 64),
      municipalityCodes: ['1880'],
      eligibility: ['resident_in_municipality', 'receives_income_support'],
      accessibility: ['physical_access', 'easy_swedish', 'adapted_pace'],
      addressesNeeds: ['work_experience', 'motivation', 'social_situation'],
      languages: ['ar', 'so', 'en'],
      capacity: capacity(60, 57, 14),
      activeFrom: '2016-01-11',
      activeUntil: null,
    },
    {
      unit: 'Validering och vägledning',
      name: 'Validering av utländsk yrkeskompetens',
      description:
        'Kartläggning och validering av yrkeskunskaper från utlandet mot svenska yrkeskrav, med vägledning om kompletterande utbildning och bedömning av utländska betyg.',
      targetGroups: [foreign],
      ageRange: ages(20, 64),
      municipalityCodes: ['1880'],
      eligibility: ['resident_in_municipality'],
      accessibility: ['interpreter', 'easy_swedish'],
      addressesNeeds: ['foreign_education_validation', 'work_experience'],
      languages: ['ar', 'fa', 'ti', 'en'],
      capacity: capacity(40, 18, 21),
      activeFrom: '2020-08-17',
      activeUntil: null,
    },
    {
      unit: 'Vuxenutbildningen Örebro, SFI och samhällsorientering',
      name: 'SFI med yrkesinriktning',
      description:
        'Svenska för invandrare kombinerad med yrkessvenska och praktik inom vård och omsorg, lager eller restaurang, med studietakt efter förutsättningar.',
      targetGroups: [foreign],
      ageRange: ages(18, 64),
      municipalityCodes: ['1880'],
      eligibility: ['resident_in_municipality'],
      accessibility: ['easy_swedish', 'adapted_pace', 'remote'],
      addressesNeeds: ['swedish_language', 'work_experience', 'studies'],
      languages: ['ar', 'ti', 'so', 'fa', 'uk'],
      capacity: capacity(150, 128, 28),
      activeFrom: '2019-08-19',
      activeUntil: null,
    },
    {
      unit: 'Vuxenutbildningen Örebro, SFI och samhällsorientering',
      name: 'Samhällsorientering på modersmål',
      description: 'Kurs om det svenska samhället, rättigheter och skyldigheter, arbetsmarknad och hälsa, på modersmålet eller med tolk.',
      targetGroups: [foreign],
      ageRange: ages(18, 64),
      municipalityCodes: ['1880'],
      eligibility: ['newly_arrived', 'resident_in_municipality'],
      accessibility: ['interpreter', 'remote'],
      addressesNeeds: ['swedish_language', 'social_situation'],
      languages: ['ar', 'ti', 'so', 'fa', 'ku', 'uk'],
      capacity: capacity(90, 61, 14),
      activeFrom: '2013-01-07',
      activeUntil: null,
    },
  ],
  workplaces: [
    {
      employerName: 'Örebro Städ & Fastighetsservice AB',
      employerOrganisationNumber: '556090-4236',
      name: 'Fastighetsservice Örebro',
      industry: 'Städ och fastighetsservice',
      municipalityCode: '1880',
      address: at('Bolbyvägen 4', '702 27', 'Örebro'),
      offers: ['work_experience', 'subsidised_employment', 'employment'],
      adaptations: ['flexible_hours', 'reduced_hours', 'structured_tasks'],
      supportNeeded: ['job_coach', 'wage_subsidy_guidance'],
      places: 8,
      email: 'personal@orebrostad.se',
      phone: '019-18 40 60',
      description: 'Lokalvård och fastighetsskötsel i bostadsområden och kontor. Arbetslagen har fasta scheman och checklistor för varje uppdrag.',
    },
    {
      employerName: 'Örebro Lunch & Catering AB',
      employerOrganisationNumber: '556890-4766',
      name: 'Cateringköket Örebro',
      industry: 'Restaurang och catering',
      municipalityCode: '1880',
      address: at('Hagagatan 30', '703 40', 'Örebro'),
      offers: ['work_experience', 'apprenticeship', 'employment'],
      adaptations: ['structured_tasks', 'visual_instructions'],
      supportNeeded: ['mentor_training', 'job_coach'],
      places: 4,
      email: 'kok@orebrolunch.se',
      phone: '019-12 70 80',
      description: 'Storkök som lagar lunch och catering. Lärlingar och praktikanter går bredvid en kock; recept och rutiner finns med bilder.',
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// The twelve municipalities: the same three units in each, with local staff, offers and employers

/** The organisation names; `municipalities` holds the place names used in unit and staff names. */
const municipalityNames: Record<MunicipalityCode, string> = {
  '1814': 'Lekebergs kommun',
  '1860': 'Laxå kommun',
  '1861': 'Hallsbergs kommun',
  '1862': 'Degerfors kommun',
  '1863': 'Hällefors kommun',
  '1864': 'Ljusnarsbergs kommun',
  '1880': 'Örebro kommun',
  '1881': 'Kumla kommun',
  '1882': 'Askersunds kommun',
  '1883': 'Karlskoga kommun',
  '1884': 'Nora kommun',
  '1885': 'Lindesbergs kommun',
};

const incomeSupportUnit = 'Socialtjänsten, försörjningsstöd';
const kaaUnit = 'Kommunala aktivitetsansvaret (KAA)';
const labourMarketUnit = 'Arbetsmarknadsenheten';
const governanceUnit = 'Kommunledningskontoret';

/** What a staff member brings: the languages spoken with clients and competence codes. */
interface Skills {
  languages: Language[];
  competences: CompetenceCode[];
}

/** How a municipality runs one of its standard offers (KAA coaching, work training). */
interface LocalOffer {
  capacity: Capacity;
  accessibility: AccessibilityFeature[];
  addressesNeeds: SupportNeed[];
  languages: Language[];
  eligibility: EligibilityRule[];
  activeFrom: string;
}

interface MunicipalitySeed {
  code: MunicipalityCode;
  organisationNumber: string;
  domain: string;
  townHall: Address;
  labourMarketOffice: Address;
  phones: { incomeSupport: string; kaa: string; labourMarket: string };
  /** `Handläggare försörjningsstöd <place>` */
  incomeSupport: Skills;
  /** `KAA-samordnare <place>` */
  kaa: Skills;
  /** `Arbetsmarknadskonsulent <place>` */
  jobCounsellor: Skills;
  kaaCoaching: LocalOffer;
  workTraining: LocalOffer;
  resources?: ResourceSpec[];
  workplaces?: WorkplaceSpec[];
}

function municipality(seed: MunicipalitySeed): DemoOrganisation {
  const { code, domain } = seed;
  const place = municipalities[code];
  return organisation({
    name: municipalityNames[code],
    type: OrganisationType.Municipality,
    organisationNumber: seed.organisationNumber,
    municipalityCodes: [code],
    description: `Kommunen ansvarar för försörjningsstöd, det kommunala aktivitetsansvaret för unga 16–20 år och arbetsmarknadsinsatser för invånarna i ${place}.`,
    website: `https://www.${domain}`,
    units: [
      {
        name: incomeSupportUnit,
        municipalityCode: code,
        email: `forsorjningsstod@${domain}`,
        phone: seed.phones.incomeSupport,
        address: seed.townHall,
        staff: [{ displayName: `Handläggare försörjningsstöd ${place}`, roles: [Caseworker], email: `forsorjningsstod@${domain}`, ...seed.incomeSupport }],
      },
      {
        name: kaaUnit,
        municipalityCode: code,
        email: `kaa@${domain}`,
        phone: seed.phones.kaa,
        address: seed.labourMarketOffice,
        staff: [{ displayName: `KAA-samordnare ${place}`, roles: [Caseworker, Coordinator], email: `kaa@${domain}`, ...seed.kaa }],
      },
      {
        name: labourMarketUnit,
        municipalityCode: code,
        email: `arbetsmarknad@${domain}`,
        phone: seed.phones.labourMarket,
        address: seed.labourMarketOffice,
        staff: [
          { displayName: `Analytiker ${place}`, roles: [Analyst], email: null, languages: ['sv', 'en'], competences: [] },
          { displayName: `Arbetsmarknadskonsulent ${place}`, roles: [Caseworker], email: `arbetsmarknad@${domain}`, ...seed.jobCounsellor },
          { displayName: `Enhetschef arbetsmarknad ${place}`, roles: [UnitManager, Administrator], email: null, languages: ['sv'], competences: [] },
        ],
      },
      {
        // The municipality's data-protection officer, outside the branches whose cases they oversee.
        name: governanceUnit,
        municipalityCode: code,
        email: `dataskyddsombud@${domain}`,
        phone: seed.phones.incomeSupport,
        address: seed.townHall,
        staff: [
          { displayName: `Dataskyddsombud ${place}`, roles: [DataProtectionOfficer], email: `dataskyddsombud@${domain}`, languages: ['sv'], competences: [] },
        ],
      },
    ],
    supportResources: [
      {
        unit: kaaUnit,
        name: `KAA-coachning ${place}`,
        description: `Kommunens aktivitetsansvar i ${place}: kontakt med unga 16–20 år som inte går i gymnasieskolan, kartläggning och individuell coachning tillbaka till studier eller vidare till arbete.`,
        targetGroups: [uvas],
        ageRange: ages(16, 20),
        municipalityCodes: [code],
        ...seed.kaaCoaching,
        activeUntil: null,
      },
      {
        unit: labourMarketUnit,
        name: `Arbetsträning ${place}`,
        description: `Arbetsträning med handledare i kommunens verksamheter och hos arbetsgivare i ${place}, med en individuell plan mot arbete eller studier.`,
        targetGroups: [uvas, disability, foreign],
        ageRange: ages(18, 64),
        municipalityCodes: [code],
        ...seed.workTraining,
        activeUntil: null,
      },
      ...(seed.resources ?? []),
    ],
    workplaces: seed.workplaces ?? [],
  });
}

const municipalityOrganisations: DemoOrganisation[] = [
  municipality({
    code: '1814',
    organisationNumber: '212090-1000',
    domain: 'lekeberg.se',
    townHall: at('Tallbacksvägen 8', '716 80', 'Fjugesta'),
    labourMarketOffice: at('Hagabergsvägen 3', '716 30', 'Fjugesta'),
    phones: { incomeSupport: '0585-487 10', kaa: '0585-487 20', labourMarket: '0585-487 30' },
    incomeSupport: { languages: ['sv', 'en'], competences: ['social_counselling'] },
    kaa: { languages: ['sv', 'en'], competences: ['kaa', 'motivational_interviewing'] },
    jobCounsellor: { languages: ['sv'], competences: ['vocational_rehabilitation'] },
    kaaCoaching: {
      capacity: capacity(12, 7, 7),
      accessibility: ['easy_swedish'],
      addressesNeeds: ['motivation', 'studies'],
      languages: ['en'],
      eligibility: ['resident_in_municipality'],
      activeFrom: '2015-01-01',
    },
    workTraining: {
      capacity: capacity(10, 6, 14),
      accessibility: ['physical_access'],
      addressesNeeds: ['work_experience', 'motivation'],
      languages: [],
      eligibility: ['resident_in_municipality'],
      activeFrom: '2016-03-01',
    },
    workplaces: [
      {
        employerName: 'Fjugesta Gård & Lantbruk AB',
        employerOrganisationNumber: '556890-9005',
        name: 'Gårdsbutiken och djurstallet i Fjugesta',
        industry: 'Lantbruk',
        municipalityCode: '1814',
        address: at('Lanna gårdsväg 2', '716 91', 'Fjugesta'),
        offers: ['work_experience', 'subsidised_employment'],
        adaptations: ['quiet_workspace', 'structured_tasks', 'flexible_hours'],
        supportNeeded: ['mentor_training', 'job_coach'],
        places: 2,
        email: 'gard@fjugestagard.se',
        phone: '0585-301 20',
        description: 'Familjejordbruk med djurskötsel och gårdsbutik. Lugn miljö, arbete i egen takt med återkommande sysslor.',
      },
    ],
  }),
  municipality({
    code: '1860',
    organisationNumber: '212090-1372',
    domain: 'laxa.se',
    townHall: at('Postgatan 2', '695 80', 'Laxå'),
    labourMarketOffice: at('Bruksgatan 4', '695 30', 'Laxå'),
    phones: { incomeSupport: '0584-473 10', kaa: '0584-473 20', labourMarket: '0584-473 30' },
    incomeSupport: { languages: ['sv', 'ar'], competences: ['social_counselling', 'interpreter_coordination'] },
    kaa: { languages: ['sv'], competences: ['kaa'] },
    jobCounsellor: { languages: ['sv', 'en'], competences: ['motivational_interviewing'] },
    kaaCoaching: {
      capacity: capacity(8, 8, 30),
      accessibility: ['easy_swedish', 'remote'],
      addressesNeeds: ['motivation', 'studies'],
      languages: [],
      eligibility: ['resident_in_municipality'],
      activeFrom: '2015-01-01',
    },
    workTraining: {
      capacity: capacity(8, 5, 21),
      accessibility: ['physical_access', 'adapted_pace'],
      addressesNeeds: ['work_experience', 'health_rehabilitation'],
      languages: [],
      eligibility: ['resident_in_municipality', 'receives_income_support'],
      activeFrom: '2014-09-01',
    },
    workplaces: [
      {
        employerName: 'Laxå Skog & Trädgård AB',
        employerOrganisationNumber: '556090-8476',
        name: 'Skogs- och trädgårdslaget Laxå',
        industry: 'Skog och grönyteskötsel',
        municipalityCode: '1860',
        address: at('Sågverksvägen 3', '695 31', 'Laxå'),
        offers: ['work_experience', 'employment', 'apprenticeship'],
        adaptations: ['flexible_hours', 'structured_tasks', 'reduced_hours'],
        supportNeeded: ['supervisor_support', 'mentor_training'],
        places: 3,
        email: 'jobb@laxaskog.se',
        phone: '0584-108 60',
        description: 'Röjning, plantering och skötsel av parker och trädgårdar. Arbete utomhus i små lag med arbetsledare.',
      },
    ],
  }),
  municipality({
    code: '1861',
    organisationNumber: '212090-1745',
    domain: 'hallsberg.se',
    townHall: at('Västra Storgatan 16', '694 80', 'Hallsberg'),
    labourMarketOffice: at('Samzeliigatan 3', '694 31', 'Hallsberg'),
    phones: { incomeSupport: '0582-68 51 00', kaa: '0582-68 52 00', labourMarket: '0582-68 53 00' },
    incomeSupport: { languages: ['sv', 'en', 'ti'], competences: ['social_counselling', 'interpreter_coordination'] },
    kaa: { languages: ['sv', 'en'], competences: ['kaa', 'motivational_interviewing'] },
    jobCounsellor: { languages: ['sv', 'en'], competences: ['psychiatric_disability', 'vocational_rehabilitation'] },
    kaaCoaching: {
      capacity: capacity(20, 13, 10),
      accessibility: ['easy_swedish', 'physical_access'],
      addressesNeeds: ['motivation', 'studies', 'social_situation'],
      languages: ['en', 'ti'],
      eligibility: ['resident_in_municipality'],
      activeFrom: '2015-01-01',
    },
    workTraining: {
      capacity: capacity(20, 20, 45),
      accessibility: ['physical_access', 'interpreter'],
      addressesNeeds: ['work_experience', 'swedish_language', 'motivation'],
      languages: ['ar', 'ti'],
      eligibility: ['resident_in_municipality', 'receives_income_support'],
      activeFrom: '2013-01-07',
    },
    resources: [
      {
        unit: labourMarketUnit,
        name: 'Jobbtorg Sydnärke',
        description:
          'Gemensam ingång för unga vuxna i Sydnärkes kommuner som varken arbetar eller studerar: vägledning, studiemotiverande kurs, praktik och kontakt med arbetsgivare. Startar vid vårterminens början.',
        targetGroups: [uvas, foreign],
        ageRange: ages(16, 29),
        municipalityCodes: ['1861', '1860', '1882', '1881'],
        eligibility: ['resident_in_municipality'],
        accessibility: ['remote', 'easy_swedish', 'interpreter'],
        addressesNeeds: ['motivation', 'work_experience', 'studies', 'swedish_language'],
        languages: ['ar', 'so', 'en'],
        capacity: capacity(35, 0, 7),
        activeFrom: '2027-01-18',
        activeUntil: null,
      },
    ],
    workplaces: [
      {
        employerName: 'Hallsbergs Tryckeri & Reklam AB',
        employerOrganisationNumber: '556090-6355',
        name: 'Tryckeriet i Hallsberg',
        industry: 'Grafisk produktion',
        municipalityCode: '1861',
        address: at('Östra Storgatan 20', '694 35', 'Hallsberg'),
        offers: ['work_experience', 'subsidised_employment', 'employment'],
        adaptations: ['quiet_workspace', 'physical_access', 'assistive_technology'],
        supportNeeded: ['assistive_aids', 'accessibility_review'],
        places: 2,
        email: 'info@hallsbergstryck.se',
        phone: '0582-104 30',
        description: 'Tryckeri med efterbearbetning och enklare layout. Eget rum för precisionsarbete, lokalerna i markplan med ramp.',
      },
    ],
  }),
  municipality({
    code: '1862',
    organisationNumber: '212090-2115',
    domain: 'degerfors.se',
    townHall: at('Storgatan 6', '693 80', 'Degerfors'),
    labourMarketOffice: at('Kulturhusgatan 2', '693 30', 'Degerfors'),
    phones: { incomeSupport: '0586-481 00', kaa: '0586-482 00', labourMarket: '0586-483 00' },
    incomeSupport: { languages: ['sv', 'bs'], competences: ['social_counselling'] },
    kaa: { languages: ['sv', 'en'], competences: ['kaa', 'motivational_interviewing'] },
    jobCounsellor: { languages: ['sv', 'fi'], competences: ['vocational_rehabilitation', 'supported_employment_ips'] },
    kaaCoaching: {
      capacity: capacity(15, 9, 14),
      accessibility: ['easy_swedish', 'adapted_pace'],
      addressesNeeds: ['motivation', 'studies'],
      languages: ['en'],
      eligibility: ['resident_in_municipality'],
      activeFrom: '2015-01-01',
    },
    workTraining: {
      capacity: capacity(15, 10, 14),
      accessibility: ['physical_access', 'adapted_pace', 'easy_swedish'],
      addressesNeeds: ['work_experience', 'social_situation'],
      languages: ['bs'],
      eligibility: ['resident_in_municipality'],
      activeFrom: '2015-02-02',
    },
    workplaces: [
      {
        employerName: 'Degerfors Data & Återbruk AB',
        employerOrganisationNumber: '556090-7411',
        name: 'Återbruksverkstaden Degerfors',
        industry: 'IT-återbruk',
        municipalityCode: '1862',
        address: at('Bruksvägen 11', '693 33', 'Degerfors'),
        offers: ['work_experience', 'subsidised_employment', 'employment'],
        adaptations: ['quiet_workspace', 'structured_tasks', 'physical_access', 'assistive_technology', 'reduced_hours'],
        supportNeeded: ['supervisor_support', 'accessibility_review', 'job_coach'],
        places: 5,
        email: 'verkstad@degerforsdata.se',
        phone: '0586-455 20',
        description:
          'Rensar, testar och renoverar begagnade datorer och mobiler. Avskärmade arbetsplatser, tydliga arbetsmoment och möjlighet att börja på deltid.',
      },
    ],
  }),
  municipality({
    code: '1863',
    organisationNumber: '212090-2487',
    domain: 'hellefors.se',
    townHall: at('Sikforsvägen 7', '712 83', 'Hällefors'),
    labourMarketOffice: at('Klockarvägen 2', '712 31', 'Hällefors'),
    phones: { incomeSupport: '0591-641 10', kaa: '0591-641 20', labourMarket: '0591-641 30' },
    incomeSupport: { languages: ['sv'], competences: ['social_counselling'] },
    kaa: { languages: ['sv', 'en'], competences: ['kaa'] },
    jobCounsellor: { languages: ['sv', 'ar'], competences: ['swedish_second_language'] },
    kaaCoaching: {
      capacity: capacity(10, 11, 45),
      accessibility: ['remote'],
      addressesNeeds: ['motivation', 'studies'],
      languages: [],
      eligibility: ['resident_in_municipality'],
      activeFrom: '2015-01-01',
    },
    workTraining: {
      capacity: capacity(10, 7, 21),
      accessibility: ['adapted_pace'],
      addressesNeeds: ['work_experience', 'motivation'],
      languages: ['ar'],
      eligibility: ['resident_in_municipality', 'receives_income_support'],
      activeFrom: '2017-01-09',
    },
    workplaces: [
      {
        employerName: 'Hällefors Gästgiveri AB',
        employerOrganisationNumber: '556890-7942',
        name: 'Gästgiveriet i Hällefors',
        industry: 'Hotell och restaurang',
        municipalityCode: '1863',
        address: at('Sikforsvägen 22', '712 31', 'Hällefors'),
        offers: ['work_experience', 'subsidised_employment'],
        adaptations: ['reduced_hours', 'visual_instructions'],
        supportNeeded: ['wage_subsidy_guidance', 'mentor_training'],
        places: 3,
        email: 'kontakt@halleforsgastgiveri.se',
        phone: '0591-120 80',
        description: 'Litet hotell med restaurang: frukostservering, disk, städning av rum och enklare köksarbete.',
      },
    ],
  }),
  municipality({
    code: '1864',
    organisationNumber: '212090-2859',
    domain: 'ljusnarsberg.se',
    townHall: at('Bergslagsvägen 13', '714 80', 'Kopparberg'),
    labourMarketOffice: at('Grängesbergsvägen 5', '714 31', 'Kopparberg'),
    phones: { incomeSupport: '0580-805 10', kaa: '0580-805 20', labourMarket: '0580-805 30' },
    incomeSupport: { languages: ['sv', 'ar', 'ti'], competences: ['social_counselling', 'interpreter_coordination'] },
    kaa: { languages: ['sv'], competences: ['kaa', 'motivational_interviewing'] },
    jobCounsellor: { languages: ['sv', 'en'], competences: ['motivational_interviewing'] },
    kaaCoaching: {
      capacity: capacity(10, 4, 7),
      accessibility: ['easy_swedish', 'remote'],
      addressesNeeds: ['motivation', 'studies'],
      languages: ['ar'],
      eligibility: ['resident_in_municipality'],
      activeFrom: '2015-01-01',
    },
    workTraining: {
      capacity: capacity(8, 8, 60),
      accessibility: ['physical_access', 'easy_swedish'],
      addressesNeeds: ['work_experience', 'swedish_language'],
      languages: ['ar', 'ti'],
      eligibility: ['resident_in_municipality', 'receives_income_support'],
      activeFrom: '2016-08-15',
    },
    workplaces: [
      {
        employerName: 'Ljusnarsbergs Hemtjänst & Service AB',
        employerOrganisationNumber: '556090-9532',
        name: 'Hemtjänstgruppen Kopparberg',
        industry: 'Vård och omsorg',
        municipalityCode: '1864',
        address: at('Storgatan 30', '714 30', 'Kopparberg'),
        offers: ['work_experience', 'employment', 'apprenticeship'],
        adaptations: ['reduced_hours', 'flexible_hours'],
        supportNeeded: ['mentor_training', 'wage_subsidy_guidance'],
        places: 4,
        email: 'personal@ljusnarsbergshemtjanst.se',
        phone: '0580-120 50',
        description: 'Hemtjänst och serviceinsatser för äldre. Praktikanter och lärlingar går bredvid en erfaren undersköterska.',
      },
    ],
  }),
  municipality({
    code: '1880',
    organisationNumber: '212090-3220',
    domain: 'orebro.se',
    townHall: at('Drottninggatan 5', '701 35', 'Örebro'),
    labourMarketOffice: at('Västra Nobelgatan 2', '702 81', 'Örebro'),
    phones: { incomeSupport: '019-21 10 10', kaa: '019-21 10 20', labourMarket: '019-21 10 30' },
    incomeSupport: { languages: ['sv', 'en', 'ar', 'so'], competences: ['social_counselling', 'interpreter_coordination', 'motivational_interviewing'] },
    kaa: { languages: ['sv', 'en', 'so', 'ar'], competences: ['kaa', 'motivational_interviewing', 'npf', 'study_guidance'] },
    jobCounsellor: { languages: ['sv', 'en', 'fa'], competences: ['vocational_rehabilitation', 'psychiatric_disability', 'supported_employment_ips'] },
    kaaCoaching: {
      capacity: capacity(90, 84, 21),
      accessibility: ['physical_access', 'interpreter', 'easy_swedish', 'remote', 'adapted_pace'],
      addressesNeeds: ['motivation', 'studies', 'neuropsychiatric', 'social_situation'],
      languages: ['en', 'ar', 'so', 'ti'],
      eligibility: ['resident_in_municipality'],
      activeFrom: '2015-01-01',
    },
    workTraining: {
      capacity: capacity(70, 52, 21),
      accessibility: ['physical_access', 'interpreter', 'easy_swedish', 'adapted_pace'],
      addressesNeeds: ['work_experience', 'motivation', 'social_situation', 'swedish_language'],
      languages: ['ar', 'so', 'ti', 'fa'],
      eligibility: ['resident_in_municipality', 'receives_income_support'],
      activeFrom: '2012-01-09',
    },
    resources: [
      {
        unit: labourMarketUnit,
        name: 'Unga vuxna-lotsen Örebro',
        description:
          'En lots följer unga vuxna som varken arbetar eller studerar genom kontakterna med kommunen, Arbetsförmedlingen och vården tills de har en plan för arbete eller studier.',
        targetGroups: [uvas, disability],
        ageRange: ages(16, 29),
        municipalityCodes: ['1880'],
        eligibility: ['resident_in_municipality'],
        accessibility: ['physical_access', 'adapted_pace', 'remote', 'easy_swedish'],
        addressesNeeds: ['motivation', 'studies', 'neuropsychiatric', 'social_situation'],
        languages: ['en', 'ar', 'so'],
        capacity: capacity(45, 45, 35),
        activeFrom: '2022-08-15',
        activeUntil: null,
      },
    ],
  }),
  municipality({
    code: '1881',
    organisationNumber: '212090-3592',
    domain: 'kumla.se',
    townHall: at('Torget 2', '692 80', 'Kumla'),
    labourMarketOffice: at('Hagendalsvägen 6', '692 31', 'Kumla'),
    phones: { incomeSupport: '019-58 81 00', kaa: '019-58 82 00', labourMarket: '019-58 83 00' },
    incomeSupport: { languages: ['sv', 'en'], competences: ['social_counselling'] },
    kaa: { languages: ['sv', 'en', 'ar'], competences: ['kaa', 'npf', 'motivational_interviewing'] },
    jobCounsellor: { languages: ['sv', 'en'], competences: ['supported_employment_ips', 'vocational_rehabilitation'] },
    kaaCoaching: {
      capacity: capacity(25, 25, 35),
      accessibility: ['easy_swedish', 'physical_access', 'adapted_pace'],
      addressesNeeds: ['motivation', 'studies', 'neuropsychiatric'],
      languages: ['en', 'ar'],
      eligibility: ['resident_in_municipality'],
      activeFrom: '2015-01-01',
    },
    workTraining: {
      capacity: capacity(25, 17, 14),
      accessibility: ['physical_access', 'adapted_pace'],
      addressesNeeds: ['work_experience', 'health_rehabilitation'],
      languages: ['en'],
      eligibility: ['resident_in_municipality'],
      activeFrom: '2014-01-13',
    },
    resources: [
      {
        unit: labourMarketUnit,
        name: 'Feriepraktik Kumla',
        description: 'Sommarens feriepraktik: tre veckors betald praktik i kommunens verksamheter för unga som bor i Kumla.',
        targetGroups: [uvas],
        ageRange: ages(16, 19),
        municipalityCodes: ['1881'],
        eligibility: ['resident_in_municipality'],
        accessibility: ['physical_access'],
        addressesNeeds: ['work_experience', 'motivation'],
        languages: [],
        capacity: capacity(120, 120, 0),
        activeFrom: '2026-06-15',
        activeUntil: '2026-08-14',
      },
    ],
    workplaces: [
      {
        employerName: 'Kumla Bygg & Måleri AB',
        employerOrganisationNumber: '556090-5290',
        name: 'Byggfirman och måleriverkstaden',
        industry: 'Bygg och måleri',
        municipalityCode: '1881',
        address: at('Hantverksgatan 7', '692 33', 'Kumla'),
        offers: ['work_experience', 'apprenticeship', 'employment'],
        adaptations: ['structured_tasks', 'visual_instructions', 'flexible_hours'],
        supportNeeded: ['mentor_training', 'supervisor_support'],
        places: 3,
        email: 'kontor@kumlabyggmaleri.se',
        phone: '019-58 44 10',
        description: 'Renovering, målning och mindre byggprojekt åt privatpersoner och bostadsbolag. Lärling får en fast handledare.',
      },
    ],
  }),
  municipality({
    code: '1882',
    organisationNumber: '212090-3964',
    domain: 'askersund.se',
    townHall: at('Torget 4', '696 80', 'Askersund'),
    labourMarketOffice: at('Sundsbrogatan 5', '696 30', 'Askersund'),
    phones: { incomeSupport: '0583-810 10', kaa: '0583-810 20', labourMarket: '0583-810 30' },
    incomeSupport: { languages: ['sv'], competences: ['social_counselling'] },
    kaa: { languages: ['sv', 'en'], competences: ['kaa'] },
    jobCounsellor: { languages: ['sv', 'de'], competences: ['vocational_rehabilitation'] },
    kaaCoaching: {
      capacity: capacity(12, 5, 7),
      accessibility: ['easy_swedish'],
      addressesNeeds: ['motivation', 'studies'],
      languages: ['en'],
      eligibility: ['resident_in_municipality'],
      activeFrom: '2015-01-01',
    },
    workTraining: {
      capacity: capacity(10, 3, 7),
      accessibility: ['physical_access'],
      addressesNeeds: ['work_experience'],
      languages: [],
      eligibility: ['resident_in_municipality'],
      activeFrom: '2018-03-05',
    },
    workplaces: [
      {
        employerName: 'Askersunds Båt & Marin AB',
        employerOrganisationNumber: '556890-6886',
        name: 'Båtvarvet i Askersund',
        industry: 'Båtservice och marin',
        municipalityCode: '1882',
        address: at('Hamngatan 12', '696 31', 'Askersund'),
        offers: ['work_experience', 'apprenticeship'],
        adaptations: ['flexible_hours', 'structured_tasks'],
        supportNeeded: ['mentor_training'],
        places: 2,
        email: 'varvet@askersundsbatmarin.se',
        phone: '0583-120 70',
        description: 'Service, vinterförvaring och reparation av fritidsbåtar vid Vättern. Flest platser under vår och höst.',
      },
    ],
  }),
  municipality({
    code: '1883',
    organisationNumber: '212090-4335',
    domain: 'karlskoga.se',
    townHall: at('Kyrkbacken 6', '691 83', 'Karlskoga'),
    labourMarketOffice: at('Bergsmansgatan 10', '691 31', 'Karlskoga'),
    phones: { incomeSupport: '0586-611 00', kaa: '0586-612 00', labourMarket: '0586-613 00' },
    incomeSupport: { languages: ['sv', 'en', 'bs', 'ar'], competences: ['social_counselling', 'interpreter_coordination'] },
    kaa: { languages: ['sv', 'en', 'bs'], competences: ['kaa', 'motivational_interviewing', 'npf'] },
    jobCounsellor: { languages: ['sv', 'en', 'ar'], competences: ['foreign_education_validation', 'swedish_second_language', 'vocational_rehabilitation'] },
    kaaCoaching: {
      capacity: capacity(40, 31, 14),
      accessibility: ['easy_swedish', 'interpreter', 'physical_access'],
      addressesNeeds: ['motivation', 'studies', 'neuropsychiatric'],
      languages: ['en', 'bs', 'ar'],
      eligibility: ['resident_in_municipality'],
      activeFrom: '2015-01-01',
    },
    workTraining: {
      capacity: capacity(40, 38, 28),
      accessibility: ['physical_access', 'interpreter', 'easy_swedish'],
      addressesNeeds: ['work_experience', 'swedish_language', 'motivation'],
      languages: ['ar', 'bs', 'ti'],
      eligibility: ['resident_in_municipality', 'receives_income_support'],
      activeFrom: '2011-08-22',
    },
    resources: [
      {
        unit: labourMarketUnit,
        name: 'Praktik med handledare',
        description:
          'Praktik hos arbetsgivare i Karlskoga och Degerfors med en utbildad handledare på arbetsplatsen och uppföljning från arbetsmarknadsenheten varannan vecka.',
        targetGroups: [uvas, foreign, disability],
        ageRange: ages(18, 64),
        municipalityCodes: ['1883', '1862'],
        eligibility: ['resident_in_municipality', 'receives_income_support'],
        accessibility: ['physical_access', 'interpreter'],
        addressesNeeds: ['work_experience', 'swedish_language'],
        languages: ['ar', 'bs', 'ti'],
        capacity: capacity(20, 14, 10),
        activeFrom: '2019-09-02',
        activeUntil: null,
      },
    ],
    workplaces: [
      {
        employerName: 'Karlskoga Återbruk & Second Hand AB',
        employerOrganisationNumber: '556890-1481',
        name: 'Återbruksbutiken Karlskoga',
        industry: 'Handel och återbruk',
        municipalityCode: '1883',
        address: at('Lokstallsgatan 4', '691 41', 'Karlskoga'),
        offers: ['work_experience', 'subsidised_employment'],
        adaptations: ['quiet_workspace', 'physical_access', 'structured_tasks', 'visual_instructions'],
        supportNeeded: ['job_coach', 'supervisor_support'],
        places: 6,
        email: 'butik@karlskogaaterbruk.se',
        phone: '0586-330 45',
        description: 'Second hand-butik med sortering, prismärkning och försäljning. Sorteringen sker i ett lugnt lagerrum med bildstöd.',
      },
    ],
  }),
  municipality({
    code: '1884',
    organisationNumber: '212090-4707',
    domain: 'nora.se',
    townHall: at('Prästgatan 15', '713 80', 'Nora'),
    labourMarketOffice: at('Järnvägsgatan 3', '713 31', 'Nora'),
    phones: { incomeSupport: '0587-810 10', kaa: '0587-810 20', labourMarket: '0587-810 30' },
    incomeSupport: { languages: ['sv', 'en'], competences: ['social_counselling', 'motivational_interviewing'] },
    kaa: { languages: ['sv'], competences: ['kaa', 'motivational_interviewing'] },
    jobCounsellor: { languages: ['sv'], competences: ['vocational_rehabilitation'] },
    kaaCoaching: {
      capacity: capacity(12, 6, 10),
      accessibility: ['easy_swedish', 'adapted_pace'],
      addressesNeeds: ['motivation', 'studies'],
      languages: [],
      eligibility: ['resident_in_municipality'],
      activeFrom: '2015-01-01',
    },
    workTraining: {
      capacity: capacity(12, 12, 35),
      accessibility: ['adapted_pace', 'easy_swedish'],
      addressesNeeds: ['work_experience', 'health_rehabilitation'],
      languages: [],
      eligibility: ['resident_in_municipality'],
      activeFrom: '2016-01-11',
    },
    workplaces: [
      {
        employerName: 'Nora Café och Bageri AB',
        employerOrganisationNumber: '556890-5821',
        name: 'Caféet vid torget',
        industry: 'Café och bageri',
        municipalityCode: '1884',
        address: at('Rådstugugatan 8', '713 31', 'Nora'),
        offers: ['work_experience', 'subsidised_employment'],
        adaptations: ['reduced_hours', 'flexible_hours', 'structured_tasks'],
        supportNeeded: ['supervisor_support', 'wage_subsidy_guidance'],
        places: 2,
        email: 'cafe@noracafebageri.se',
        phone: '0587-120 45',
        description: 'Café med eget bageri i trästaden: bakning, servering och disk. Praktik kan börja med korta pass.',
      },
    ],
  }),
  municipality({
    code: '1885',
    organisationNumber: '212090-5076',
    domain: 'lindesberg.se',
    townHall: at('Kristinavägen 10', '711 80', 'Lindesberg'),
    labourMarketOffice: at('Stentorpsvägen 4', '711 34', 'Lindesberg'),
    phones: { incomeSupport: '0581-810 10', kaa: '0581-810 20', labourMarket: '0581-810 30' },
    incomeSupport: { languages: ['sv', 'en', 'ti', 'ar'], competences: ['social_counselling', 'interpreter_coordination'] },
    kaa: { languages: ['sv', 'en'], competences: ['kaa', 'motivational_interviewing', 'study_guidance'] },
    jobCounsellor: { languages: ['sv', 'en', 'so'], competences: ['intellectual_disability', 'vocational_rehabilitation', 'supported_employment_ips'] },
    kaaCoaching: {
      capacity: capacity(30, 22, 14),
      accessibility: ['easy_swedish', 'interpreter', 'remote'],
      addressesNeeds: ['motivation', 'studies', 'social_situation'],
      languages: ['en', 'ti', 'ar'],
      eligibility: ['resident_in_municipality'],
      activeFrom: '2015-01-01',
    },
    workTraining: {
      capacity: capacity(30, 19, 14),
      accessibility: ['physical_access', 'interpreter', 'adapted_pace'],
      addressesNeeds: ['work_experience', 'motivation', 'social_situation'],
      languages: ['ar', 'ti', 'so'],
      eligibility: ['resident_in_municipality', 'receives_income_support'],
      activeFrom: '2013-08-19',
    },
    resources: [
      {
        unit: labourMarketUnit,
        name: 'Stegvis – arbetsinriktat stöd för unga vuxna med funktionsnedsättning',
        description:
          'Stegvis träning från kommunens verkstad till praktik hos arbetsgivare för unga vuxna med intellektuell eller neuropsykiatrisk funktionsnedsättning i norra länsdelen.',
        targetGroups: [disability],
        ageRange: ages(18, 29),
        municipalityCodes: ['1885', '1884', '1864', '1863'],
        eligibility: ['resident_in_municipality'],
        accessibility: ['physical_access', 'adapted_pace', 'easy_swedish'],
        addressesNeeds: ['intellectual_disability', 'neuropsychiatric', 'work_experience'],
        languages: [],
        capacity: capacity(16, 11, 21),
        activeFrom: '2021-01-11',
        activeUntil: null,
      },
    ],
  }),
];

export const demoDirectory: DemoDirectory = {
  competences,
  organisations: [region, employmentService, socialInsurance, studyAssociation, countyAdministrativeBoard, jobbcentrum, ...municipalityOrganisations],
};
