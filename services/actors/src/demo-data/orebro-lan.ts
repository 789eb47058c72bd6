import {
  municipalities,
  OrganisationType,
  StaffRole,
  TargetGroup,
  type MunicipalityCode,
  type StaffRole as Role,
  type TargetGroup as Group,
} from '@samverkan/contracts';
import { v5 as uuidv5 } from 'uuid';

/**
 * The Örebro län demo directory: the pre-study's partners, the twelve municipalities, a few
 * units and (fictional) staff per organisation, and some support resources. Ids derive from
 * names, so every start seeds the same ids and the README's examples keep working.
 */
const demoNamespace = '5b0c8f7e-3d4a-4b8e-9a61-0c2f1e7d9a10';
export const demoId = (name: string): string => uuidv5(name, demoNamespace);

export interface DemoOrganisation {
  id: string;
  name: string;
  type: OrganisationType;
  municipalityCode: MunicipalityCode | null;
  units: Array<{ id: string; name: string; staff: Array<{ id: string; displayName: string; roles: Role[] }> }>;
  supportResources: Array<{ id: string; name: string; targetGroups: Group[]; accessibility: string[] }>;
}

function organisation(
  name: string,
  type: OrganisationType,
  municipalityCode: MunicipalityCode | null,
  units: Array<[unit: string, staff: Array<[displayName: string, roles: Role[]]>]>,
  supportResources: Array<[name: string, targetGroups: Group[], accessibility: string[]]> = [],
): DemoOrganisation {
  return {
    id: demoId(`organisation:${name}`),
    name,
    type,
    municipalityCode,
    units: units.map(([unit, staff]) => ({
      id: demoId(`unit:${name}:${unit}`),
      name: unit,
      staff: staff.map(([displayName, roles]) => ({ id: demoId(`staff:${name}:${displayName}`), displayName, roles })),
    })),
    supportResources: supportResources.map(([resource, targetGroups, accessibility]) => ({
      id: demoId(`resource:${name}:${resource}`),
      name: resource,
      targetGroups,
      accessibility,
    })),
  };
}

const { Caseworker, Analyst, Operator, Administrator } = StaffRole;
const { YoungNotInEmploymentOrEducation: uvas, YoungAdultWithDisability: disability, ForeignBackground: foreign } = TargetGroup;

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

const municipalityOrganisations = (Object.keys(municipalities) as MunicipalityCode[]).map((code) => {
  const place = municipalities[code];
  return organisation(
    municipalityNames[code],
    OrganisationType.Municipality,
    code,
    [
      ['Socialtjänsten, försörjningsstöd', [[`Handläggare försörjningsstöd ${place}`, [Caseworker]]]],
      ['Kommunala aktivitetsansvaret (KAA)', [[`KAA-samordnare ${place}`, [Caseworker]]]],
      ['Arbetsmarknadsenheten', [[`Analytiker ${place}`, [Analyst]]]],
    ],
    [
      [`KAA-coachning ${place}`, [uvas], ['easy_swedish']],
      [`Arbetsträning ${place}`, [uvas, disability, foreign], ['wheelchair', 'cognitive_support']],
    ],
  );
});

export const demoOrganisations: DemoOrganisation[] = [
  organisation(
    'Region Örebro län',
    OrganisationType.Region,
    null,
    [
      [
        'Regional utveckling',
        [
          ['Anna Regional', [Analyst, Administrator]],
          ['Olle Drift', [Operator]],
        ],
      ],
      ['Hälso- och sjukvård, rehabiliteringskoordinering', [['Rehabkoordinator Region', [Caseworker]]]],
    ],
    [['Hälsokoordinator för unga', [uvas, disability], ['wheelchair', 'hearing_loop']]],
  ),
  organisation(
    'Arbetsförmedlingen Örebro',
    OrganisationType.EmploymentService,
    null,
    [
      ['Arbetsförmedlingen Örebro, ungdom', [['Arbetsförmedlare Örebro', [Caseworker]]]],
      ['Arbetsförmedlingen Karlskoga', [['Arbetsförmedlare Karlskoga', [Caseworker]]]],
    ],
    [
      ['Rusta och matcha', [uvas, foreign], ['easy_swedish', 'interpreter']],
      ['Introduktionsprogrammet för nyanlända', [foreign], ['interpreter']],
      ['Lönebidrag och introduktionsjobb', [disability], ['wheelchair', 'cognitive_support']],
    ],
  ),
  organisation(
    'Försäkringskassan Örebro',
    OrganisationType.SocialInsurance,
    null,
    [['Försäkringskassan Örebro, aktivitetsersättning', [['Handläggare aktivitetsersättning', [Caseworker]]]]],
    [['Samordnad rehabilitering', [disability], ['wheelchair', 'hearing_loop', 'cognitive_support']]],
  ),
  organisation(
    'ABF Örebro län',
    OrganisationType.CivilSociety,
    null,
    [['ABF Örebro, folkbildning', [['Cirkelledare ABF', [Caseworker]]]]],
    [['Studiecirkel i svenska', [foreign], ['easy_swedish']]],
  ),
  organisation('Länsstyrelsen i Örebro län', OrganisationType.CountyAdministrativeBoard, null, [
    ['Enheten för jämställdhet och integration', [['Utvärderare Länsstyrelsen', [Analyst]]]],
  ]),
  organisation(
    'Vuxenutbildning och Arbetsmarknad – Jobbcentrum',
    OrganisationType.AdultEducation,
    '1880',
    [['Jobbcentrum Örebro', [['Jobbcoach Jobbcentrum', [Caseworker]]]]],
    [['Jobbcentrum arbetsträning', [uvas, disability, foreign], ['wheelchair', 'easy_swedish']]],
  ),
  ...municipalityOrganisations,
];
