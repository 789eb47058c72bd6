import {
  DeclineReason,
  Gender,
  MunicipalityTrackingBy,
  TargetGroup,
  type MunicipalityReferralsView,
  type TrackingDuration,
  type TrackingFigure,
  type TrackingMeasures,
} from '@samverkan/contracts';
import { stringify } from 'csv-stringify/sync';

/*
 * Municipality tracking as a spreadsheet: one row per group (all, per target group, per gender,
 * per target group × gender), Swedish column names and labels, suppressed figures as "..", as
 * Statistics Sweden publishes them. UTF-8 with a byte-order mark, so that spreadsheet programs
 * read å, ä and ö right.
 */

const all = 'Samtliga';

const targetGroupLabels = {
  [TargetGroup.YoungNotInEmploymentOrEducation]: 'Unga som varken arbetar eller studerar',
  [TargetGroup.YoungAdultWithDisability]: 'Unga vuxna med funktionsnedsättning',
  [TargetGroup.ForeignBackground]: 'Personer med utländsk bakgrund',
} satisfies Record<TargetGroup, string>;

const genderLabels = {
  [Gender.Female]: 'Kvinnor',
  [Gender.Male]: 'Män',
  [Gender.Other]: 'Annat',
  [Gender.NotStated]: 'Ej angivet',
} satisfies Record<Gender, string>;

const declineReasonLabels = {
  [DeclineReason.NoCapacity]: 'Ingen plats',
  [DeclineReason.NotEligible]: 'Uppfyller inte villkoren',
  [DeclineReason.CouldNotReachPerson]: 'Personen gick inte att nå',
  [DeclineReason.PersonDeclined]: 'Personen tackade nej',
  [DeclineReason.ReferredElsewhere]: 'Hänvisad till annan aktör',
  [DeclineReason.Other]: 'Annat skäl',
  [DeclineReason.WrongRecipient]: 'Fel mottagare',
} satisfies Record<DeclineReason, string>;

const byLabels = {
  [MunicipalityTrackingBy.Residence]: 'Personens hemkommun',
  [MunicipalityTrackingBy.Organisation]: 'Kommunens organisation',
} satisfies Record<MunicipalityTrackingBy, string>;

/** What statistics offices print where a figure is suppressed. */
export const suppressedMark = '..';

const count = (figure: TrackingFigure): string => (figure.suppressed ? suppressedMark : String(figure.value));
const hours = (value: number | null, of: TrackingDuration): string => (of.suppressed ? suppressedMark : value === null ? '' : String(value));

export function renderMunicipalityReferralsCsv(view: MunicipalityReferralsView): string {
  const reasons = view.total.declineReasons.map((figure) => figure.reason);
  const header = [
    'Kommunkod',
    'Kommun',
    'Urval',
    'Från och med',
    'Till och med',
    'Försenade per',
    'Målgrupp',
    'Kön',
    'Remisser',
    'Skickade',
    'Mottagna',
    'Öppna',
    'Försenade',
    'Tid till svar median (timmar)',
    'Tid till svar 90:e percentil (timmar)',
    'Tid till start median (timmar)',
    'Tid till start 90:e percentil (timmar)',
    ...reasons.map((reason) => `Avböjda: ${declineReasonLabels[reason]}`),
  ];
  const row = (targetGroup: TargetGroup | null, gender: Gender | null, measures: TrackingMeasures): string[] => [
    view.municipalityCode,
    view.municipalityName,
    byLabels[view.by],
    view.from,
    view.to,
    view.asOf,
    targetGroup ? targetGroupLabels[targetGroup] : all,
    gender ? genderLabels[gender] : all,
    count(measures.referrals),
    count(measures.sent),
    count(measures.received),
    count(measures.open),
    count(measures.overdue),
    hours(measures.timeToAnswer.medianHours, measures.timeToAnswer),
    hours(measures.timeToAnswer.p90Hours, measures.timeToAnswer),
    hours(measures.timeToStart.medianHours, measures.timeToStart),
    hours(measures.timeToStart.p90Hours, measures.timeToStart),
    ...measures.declineReasons.map(count),
  ];
  return stringify(
    [
      row(null, null, view.total),
      ...view.byTargetGroup.map((group) => row(group.targetGroup, null, group.measures)),
      ...view.byGender.map((group) => row(null, group.gender, group.measures)),
      ...view.cells.map((group) => row(group.targetGroup, group.gender, group.measures)),
    ],
    { header: true, columns: header, bom: true, record_delimiter: 'windows' },
  );
}

/** A file name that says what is in it, e.g. `remisser-1880-2026-01-01-2026-12-31.csv`. */
export function municipalityReferralsFileName(view: MunicipalityReferralsView): string {
  return `remisser-${view.municipalityCode}-${view.by === MunicipalityTrackingBy.Organisation ? 'organisation-' : ''}${view.from}-${view.to}.csv`;
}
