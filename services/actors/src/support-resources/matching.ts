import {
  EligibilityRule,
  ExclusionRule,
  MatchReason,
  type AccessibilityFeature,
  type Gender,
  type MunicipalityCode,
  type SupportNeed,
  type TargetGroup,
} from '@samverkan/contracts';
import type { SupportResourceRecord } from '../directory/records';

/*
 * The matching engine of the support-resource directory: which resources a person can take part
 * in on a given day, and in what order to show them. Pure: no clock, no repository, no I/O.
 */

/** A person as matching needs them, without identity (see `PersonProfileDto`), lists filled in. */
export interface PersonProfile {
  age: number;
  gender: Gender;
  municipalityCode: MunicipalityCode;
  targetGroups: TargetGroup[];
  supportNeeds: SupportNeed[];
  accessibilityNeeds: AccessibilityFeature[];
  languages: string[];
  meets: EligibilityRule[];
}

export interface MatchFit {
  reason: MatchReason;
  codes: string[];
}

export interface Exclusion {
  rule: ExclusionRule;
  codes: string[];
}

export type Evaluation = { eligible: true; score: number; reasons: MatchFit[] } | { eligible: false; excludedBy: Exclusion[] };

export interface RankedMatches {
  matches: Array<{ resource: SupportResourceRecord; score: number; reasons: MatchFit[] }>;
  excluded: Array<{ resource: SupportResourceRecord; excludedBy: Exclusion[] }>;
}

/**
 * What each reason adds to an eligible resource's score. Only the order of scores means anything;
 * the order of the weights is the point:
 * - support needs weigh most, since a need is why the person is referred at all: one need
 *   addressed (10) outweighs every target group in common (3 each, at most 3 groups = 9);
 * - target groups next: every eligible resource shares one, so sharing more is a closer fit;
 * - accessibility: the person's needed features are already required, so it is the same for every
 *   eligible resource and mostly tells the caseworker why it fits;
 * - a language in common other than Swedish: the person can be met in a language they know;
 * - free places, then a short wait: availability, shown before anyone refers, so a full resource
 *   ranks lower instead of disappearing;
 * - own municipality last: a resource that takes people from anywhere can be reached from the
 *   neighbouring municipality, nearer is only a little better.
 * Waits over `shortWaitDays` cost `perExtraFortnight` per started fortnight beyond it, at most
 * `longestWaitPenalty`, so a long wait never outweighs a need or a target group.
 * The numbers are exact in binary, so equal fits tie exactly and fall to the tie-breakers.
 */
export const matchScoring = {
  weights: {
    [MatchReason.SupportNeed]: 10, // per need addressed
    [MatchReason.TargetGroup]: 3, // per group in common
    [MatchReason.Accessibility]: 2.5,
    [MatchReason.Language]: 2,
    [MatchReason.FreePlaces]: 1.5,
    [MatchReason.ShortWait]: 1,
    [MatchReason.InOwnMunicipality]: 0.5,
  },
  shortWaitDays: 14,
  perExtraFortnight: 0.25,
  longestWaitPenalty: 1,
} as const satisfies { weights: Record<MatchReason, number>; [setting: string]: unknown };

/** Listing order when two reasons weigh the same in a score. */
const reasonOrder = Object.keys(matchScoring.weights) as MatchReason[];

/** Swedish is the language every resource is given in; sharing it is no reason. */
export const swedish = 'sv';
const calendarDay = /^\d{4}-\d{2}-\d{2}$/;
const byName = new Intl.Collator('sv').compare;

/** Whether `profile` may take part in `resource` on `on` (YYYY-MM-DD), and how well it fits. */
export function evaluate(resource: SupportResourceRecord, profile: PersonProfile, on: string): Evaluation {
  if (!calendarDay.test(on)) throw new RangeError(`expected the day to match for as YYYY-MM-DD, got '${on}'`);
  const excludedBy = exclusions(resource, profile, on);
  if (excludedBy.length > 0) return { eligible: false, excludedBy };
  const fits = reasons(resource, profile);
  return { eligible: true, score: score(fits, resource.capacity.expectedWaitDays), reasons: fits.map(({ fit }) => fit) };
}

/** Evaluates every candidate; returns the eligible ones ranked (at most `limit`) and the excluded ones (at most `limit`, nearest misses first). */
export function rankMatches(resources: readonly SupportResourceRecord[], profile: PersonProfile, on: string, limit: number): RankedMatches {
  const matches: RankedMatches['matches'] = [];
  const excluded: RankedMatches['excluded'] = [];
  for (const resource of resources) {
    const evaluation = evaluate(resource, profile, on);
    if (evaluation.eligible) matches.push({ resource, score: evaluation.score, reasons: evaluation.reasons });
    else excluded.push({ resource, excludedBy: evaluation.excludedBy });
  }
  matches.sort(
    (a, b) => b.score - a.score || a.resource.capacity.expectedWaitDays - b.resource.capacity.expectedWaitDays || byNameThenId(a.resource, b.resource),
  );
  excluded.sort((a, b) => a.excludedBy.length - b.excludedBy.length || byNameThenId(a.resource, b.resource));
  const count = Math.max(0, Math.floor(limit));
  return { matches: matches.slice(0, count), excluded: excluded.slice(0, count) };
}

/** Every rule the resource breaks for this person, in a fixed order. */
function exclusions(resource: SupportResourceRecord, profile: PersonProfile, on: string): Exclusion[] {
  const found: Exclusion[] = [];
  if (!resource.active) found.push({ rule: ExclusionRule.Inactive, codes: [] });
  if (on < resource.activeFrom || (resource.activeUntil !== null && on > resource.activeUntil)) {
    found.push({ rule: ExclusionRule.OutsideActivePeriod, codes: [resource.activeFrom, resource.activeUntil ?? ''].filter((day) => day !== '') });
  }
  const { min, max } = resource.ageRange;
  if (profile.age < min || profile.age > max) found.push({ rule: ExclusionRule.Age, codes: [`${min}-${max}`] });
  if (inCommon(profile.targetGroups, resource.targetGroups).length === 0) found.push({ rule: ExclusionRule.TargetGroup, codes: [...resource.targetGroups] });
  for (const rule of new Set(resource.eligibility)) {
    if (rule === EligibilityRule.ResidentInMunicipality) {
      if (!resource.municipalityCodes.includes(profile.municipalityCode)) found.push({ rule, codes: [...resource.municipalityCodes] });
    } else if (!profile.meets.includes(rule)) {
      found.push({ rule, codes: [rule] });
    }
  }
  const missing = unique(profile.accessibilityNeeds).filter((feature) => !resource.accessibility.includes(feature));
  if (missing.length > 0) found.push({ rule: ExclusionRule.Accessibility, codes: missing });
  return found;
}

/** Why an eligible resource fits, with each reason's share of the score, strongest first. */
function reasons(resource: SupportResourceRecord, profile: PersonProfile): Array<{ fit: MatchFit; points: number }> {
  const { weights } = matchScoring;
  const fits: Array<{ fit: MatchFit; points: number }> = [];
  const add = (reason: MatchReason, codes: string[], points: number) => fits.push({ fit: { reason, codes }, points });

  const groups = inCommon(profile.targetGroups, resource.targetGroups);
  if (groups.length > 0) add(MatchReason.TargetGroup, groups, weights[MatchReason.TargetGroup] * groups.length);
  const needs = inCommon(profile.supportNeeds, resource.addressesNeeds);
  if (needs.length > 0) add(MatchReason.SupportNeed, needs, weights[MatchReason.SupportNeed] * needs.length);
  // Eligible means every needed feature is offered; only worth saying when the person needed any.
  if (profile.accessibilityNeeds.length > 0) add(MatchReason.Accessibility, unique(profile.accessibilityNeeds), weights[MatchReason.Accessibility]);
  const languages = inCommon(profile.languages, resource.languages).filter((language) => language !== swedish);
  if (languages.length > 0) add(MatchReason.Language, languages, weights[MatchReason.Language]);
  const free = resource.capacity.places - resource.capacity.taken;
  if (free > 0) add(MatchReason.FreePlaces, [String(free)], weights[MatchReason.FreePlaces]);
  const wait = resource.capacity.expectedWaitDays;
  if (wait <= matchScoring.shortWaitDays) add(MatchReason.ShortWait, [String(wait)], weights[MatchReason.ShortWait]);
  if (resource.municipalityCodes.includes(profile.municipalityCode))
    add(MatchReason.InOwnMunicipality, [profile.municipalityCode], weights[MatchReason.InOwnMunicipality]);

  return fits.sort((a, b) => b.points - a.points || reasonOrder.indexOf(a.fit.reason) - reasonOrder.indexOf(b.fit.reason));
}

function score(fits: ReadonlyArray<{ points: number }>, expectedWaitDays: number): number {
  const extraFortnights = Math.max(0, Math.ceil((expectedWaitDays - matchScoring.shortWaitDays) / 14));
  const waitPenalty = Math.min(matchScoring.longestWaitPenalty, extraFortnights * matchScoring.perExtraFortnight);
  return fits.reduce((sum, { points }) => sum + points, 0) - waitPenalty;
}

function byNameThenId(a: SupportResourceRecord, b: SupportResourceRecord): number {
  return byName(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The person's values that the resource also has, in the person's order, once each. */
function inCommon<T>(persons: readonly T[], resources: readonly T[]): T[] {
  return unique(persons).filter((value) => resources.includes(value));
}

/** Each value once, in first-seen order. */
export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
