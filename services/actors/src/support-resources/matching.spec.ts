import { AccessibilityFeature, EligibilityRule, Gender, MatchReason, SupportNeed, TargetGroup } from '@samverkan/contracts';
import type { SupportResourceRecord } from '../directory/records';
import { evaluate, rankMatches, type Evaluation, type Exclusion, type MatchFit, type PersonProfile } from './matching';

const today = '2026-11-26';

let sequence = 0;

/** A running resource in Örebro for young people outside work and studies, full, three weeks' wait. */
function aResource(overrides: Partial<SupportResourceRecord> = {}): SupportResourceRecord {
  sequence += 1;
  return {
    id: `resource-${String(sequence).padStart(4, '0')}`,
    organisationId: 'organisation-1',
    unitId: 'unit-1',
    name: 'Steget vidare',
    description: null,
    targetGroups: [TargetGroup.YoungNotInEmploymentOrEducation],
    ageRange: { min: 16, max: 29 },
    municipalityCodes: ['1880'],
    eligibility: [],
    accessibility: [],
    addressesNeeds: [],
    languages: ['sv'],
    capacity: { places: 10, taken: 10, expectedWaitDays: 21 },
    activeFrom: '2026-01-01',
    activeUntil: null,
    active: true,
    version: 1,
    updatedAt: new Date('2026-01-01T00:00:00Z'),
    ...overrides,
  };
}

/** A 20-year-old in Örebro, outside work and studies, speaking Swedish, with no recorded needs. */
function aProfile(overrides: Partial<PersonProfile> = {}): PersonProfile {
  return {
    age: 20,
    gender: Gender.Female,
    municipalityCode: '1880',
    targetGroups: [TargetGroup.YoungNotInEmploymentOrEducation],
    supportNeeds: [],
    accessibilityNeeds: [],
    languages: ['sv'],
    meets: [],
    ...overrides,
  };
}

function exclusionsOf(evaluation: Evaluation): Exclusion[] {
  return evaluation.eligible ? [] : evaluation.excludedBy;
}

function eligible(evaluation: Evaluation): { score: number; reasons: MatchFit[] } {
  if (!evaluation.eligible) throw new Error(`expected an eligible resource, excluded by ${JSON.stringify(evaluation.excludedBy)}`);
  return evaluation;
}

const scoreOf = (resource: Partial<SupportResourceRecord>, profile: Partial<PersonProfile> = {}) =>
  eligible(evaluate(aResource(resource), aProfile(profile), today)).score;

describe('evaluate: eligibility', () => {
  const otherRules = [
    EligibilityRule.RegisteredAtEmploymentService,
    EligibilityRule.SocialInsuranceDecision,
    EligibilityRule.ReceivesIncomeSupport,
    EligibilityRule.NewlyArrived,
  ] as const;

  it.each<{ behaviour: string; resource: Partial<SupportResourceRecord>; profile?: Partial<PersonProfile>; on?: string; excludedBy: Exclusion[] }>([
    { behaviour: 'keeps a running resource the person fits in every way', resource: {}, excludedBy: [] },
    { behaviour: 'excludes an inactive resource', resource: { active: false }, excludedBy: [{ rule: 'inactive', codes: [] }] },
    { behaviour: 'keeps a resource on its first day', resource: { activeFrom: today }, excludedBy: [] },
    {
      behaviour: 'excludes a resource that has not started yet, naming only its start when it has no end',
      resource: { activeFrom: '2026-11-27', activeUntil: null },
      excludedBy: [{ rule: 'outside_active_period', codes: ['2026-11-27'] }],
    },
    {
      behaviour: 'excludes a resource that has not started yet, naming its whole period',
      resource: { activeFrom: '2026-11-27', activeUntil: '2027-06-30' },
      excludedBy: [{ rule: 'outside_active_period', codes: ['2026-11-27', '2027-06-30'] }],
    },
    { behaviour: 'keeps a resource on its last day', resource: { activeFrom: '2026-01-01', activeUntil: today }, excludedBy: [] },
    {
      behaviour: 'excludes a resource whose last day has passed',
      resource: { activeFrom: '2026-01-01', activeUntil: '2026-11-25' },
      excludedBy: [{ rule: 'outside_active_period', codes: ['2026-01-01', '2026-11-25'] }],
    },
    { behaviour: 'keeps a resource running until further notice years after it started', resource: { activeUntil: null }, on: '2031-01-01', excludedBy: [] },
    {
      behaviour: 'compares whole days across month and year boundaries',
      resource: { activeFrom: '2026-12-01', activeUntil: '2027-01-31' },
      on: '2027-02-01',
      excludedBy: [{ rule: 'outside_active_period', codes: ['2026-12-01', '2027-01-31'] }],
    },
    {
      behaviour: 'keeps a person whose age is the lowest the resource takes',
      resource: { ageRange: { min: 16, max: 29 } },
      profile: { age: 16 },
      excludedBy: [],
    },
    {
      behaviour: 'keeps a person whose age is the highest the resource takes',
      resource: { ageRange: { min: 16, max: 29 } },
      profile: { age: 29 },
      excludedBy: [],
    },
    {
      behaviour: 'excludes a resource whose age range the person is below',
      resource: { ageRange: { min: 16, max: 29 } },
      profile: { age: 15 },
      excludedBy: [{ rule: 'age', codes: ['16-29'] }],
    },
    {
      behaviour: 'excludes a resource whose age range the person is above',
      resource: { ageRange: { min: 16, max: 29 } },
      profile: { age: 30 },
      excludedBy: [{ rule: 'age', codes: ['16-29'] }],
    },
    {
      behaviour: 'keeps a resource sharing one of several target groups',
      resource: { targetGroups: [TargetGroup.ForeignBackground, TargetGroup.YoungAdultWithDisability] },
      profile: { targetGroups: [TargetGroup.YoungNotInEmploymentOrEducation, TargetGroup.YoungAdultWithDisability] },
      excludedBy: [],
    },
    {
      behaviour: 'excludes a resource with no target group in common, naming the groups it is for',
      resource: { targetGroups: [TargetGroup.ForeignBackground, TargetGroup.YoungAdultWithDisability] },
      excludedBy: [{ rule: 'target_group', codes: ['foreign_background', 'disability'] }],
    },
    {
      behaviour: 'keeps a resident of a municipality the resource requires residence in',
      resource: { eligibility: [EligibilityRule.ResidentInMunicipality], municipalityCodes: ['1881', '1880'] },
      excludedBy: [],
    },
    {
      behaviour: 'excludes a resident of another municipality when residence is required, naming the municipalities served',
      resource: { eligibility: [EligibilityRule.ResidentInMunicipality], municipalityCodes: ['1880', '1881'] },
      profile: { municipalityCode: '1883' },
      excludedBy: [{ rule: 'resident_in_municipality', codes: ['1880', '1881'] }],
    },
    {
      behaviour: 'takes residence from the municipality code, not from the conditions the person says they meet',
      resource: { eligibility: [EligibilityRule.ResidentInMunicipality], municipalityCodes: ['1880'] },
      profile: { municipalityCode: '1883', meets: [EligibilityRule.ResidentInMunicipality] },
      excludedBy: [{ rule: 'resident_in_municipality', codes: ['1880'] }],
    },
    {
      behaviour: 'keeps a resident of another municipality when the resource does not require residence',
      resource: { eligibility: [], municipalityCodes: ['1880'] },
      profile: { municipalityCode: '1883' },
      excludedBy: [],
    },
    ...otherRules.flatMap((rule) => [
      { behaviour: `keeps a person who meets ${rule}`, resource: { eligibility: [rule] }, profile: { meets: [rule] }, excludedBy: [] },
      {
        behaviour: `excludes a person who does not meet ${rule}`,
        resource: { eligibility: [rule] },
        profile: { meets: otherRules.filter((other) => other !== rule) },
        excludedBy: [{ rule, codes: [rule] }],
      },
    ]),
    {
      behaviour: 'keeps a resource that offers every feature the person needs, and more',
      resource: { accessibility: [AccessibilityFeature.Remote, AccessibilityFeature.SignLanguage, AccessibilityFeature.AdaptedPace] },
      profile: { accessibilityNeeds: [AccessibilityFeature.SignLanguage, AccessibilityFeature.Remote] },
      excludedBy: [],
    },
    {
      behaviour: 'excludes a resource lacking needed features, listing every missing one in a single exclusion',
      resource: { accessibility: [AccessibilityFeature.Remote] },
      profile: { accessibilityNeeds: [AccessibilityFeature.SignLanguage, AccessibilityFeature.Remote, AccessibilityFeature.Interpreter] },
      excludedBy: [{ rule: 'accessibility', codes: ['sign_language', 'interpreter'] }],
    },
    {
      behaviour: 'reports every rule broken at once, not only the first',
      resource: {
        active: false,
        activeFrom: '2025-01-01',
        activeUntil: '2025-12-31',
        ageRange: { min: 18, max: 24 },
        targetGroups: [TargetGroup.ForeignBackground],
        eligibility: [EligibilityRule.NewlyArrived, EligibilityRule.ResidentInMunicipality, EligibilityRule.RegisteredAtEmploymentService],
        municipalityCodes: ['1881'],
        accessibility: [],
      },
      profile: {
        age: 30,
        meets: [EligibilityRule.RegisteredAtEmploymentService],
        accessibilityNeeds: [AccessibilityFeature.PhysicalAccess, AccessibilityFeature.AdaptedPace],
      },
      excludedBy: [
        { rule: 'inactive', codes: [] },
        { rule: 'outside_active_period', codes: ['2025-01-01', '2025-12-31'] },
        { rule: 'age', codes: ['18-24'] },
        { rule: 'target_group', codes: ['foreign_background'] },
        { rule: 'newly_arrived', codes: ['newly_arrived'] },
        { rule: 'resident_in_municipality', codes: ['1881'] },
        { rule: 'accessibility', codes: ['physical_access', 'adapted_pace'] },
      ],
    },
  ])('$behaviour', ({ resource, profile, on, excludedBy }) => {
    const evaluation = evaluate(aResource(resource), aProfile(profile), on ?? today);

    expect(exclusionsOf(evaluation)).toEqual(excludedBy);
    expect(evaluation.eligible).toBe(excludedBy.length === 0);
  });

  it.each(['2026-11-26T00:00:00.000Z', '26/11/2026', ''])('refuses to match for a day not written YYYY-MM-DD (%j)', (on) => {
    expect(() => evaluate(aResource(), aProfile(), on)).toThrow(RangeError);
  });
});

describe('evaluate: why a resource fits', () => {
  it('lists every reason with what matched, strongest first', () => {
    const resource = aResource({
      targetGroups: [TargetGroup.YoungAdultWithDisability, TargetGroup.YoungNotInEmploymentOrEducation, TargetGroup.ForeignBackground],
      addressesNeeds: [SupportNeed.Studies, SupportNeed.Motivation, SupportNeed.WorkExperience],
      accessibility: [AccessibilityFeature.SignLanguage, AccessibilityFeature.Remote],
      languages: ['sv', 'ar', 'en'],
      capacity: { places: 8, taken: 5, expectedWaitDays: 7 },
      municipalityCodes: ['1880', '1881'],
    });
    const profile = aProfile({
      targetGroups: [TargetGroup.YoungNotInEmploymentOrEducation, TargetGroup.YoungAdultWithDisability],
      supportNeeds: [SupportNeed.Motivation, SupportNeed.Hearing, SupportNeed.Studies],
      accessibilityNeeds: [AccessibilityFeature.SignLanguage],
      languages: ['ar', 'sv'],
    });

    expect(eligible(evaluate(resource, profile, today)).reasons).toEqual([
      { reason: 'support_need', codes: ['motivation', 'studies'] },
      { reason: 'target_group', codes: ['uvas', 'disability'] },
      { reason: 'accessibility', codes: ['sign_language'] },
      { reason: 'language', codes: ['ar'] },
      { reason: 'free_places', codes: ['3'] },
      { reason: 'short_wait', codes: ['7'] },
      { reason: 'in_own_municipality', codes: ['1880'] },
    ]);
  });

  it.each<{ behaviour: string; resource: Partial<SupportResourceRecord>; profile?: Partial<PersonProfile>; reason: MatchReason; codes: string[] | null }>([
    {
      behaviour: 'gives no support-need reason when no need is addressed',
      resource: { addressesNeeds: [SupportNeed.Studies] },
      profile: { supportNeeds: [SupportNeed.Vision] },
      reason: 'support_need',
      codes: null,
    },
    {
      behaviour: 'gives no accessibility reason when the person needed no feature',
      resource: { accessibility: [AccessibilityFeature.Remote] },
      reason: 'accessibility',
      codes: null,
    },
    {
      behaviour: 'gives no language reason for Swedish in common',
      resource: { languages: ['sv', 'ar'] },
      profile: { languages: ['sv', 'so'] },
      reason: 'language',
      codes: null,
    },
    {
      behaviour: 'names every language in common other than Swedish',
      resource: { languages: ['sv', 'ar', 'so'] },
      profile: { languages: ['so', 'sv', 'ar'] },
      reason: 'language',
      codes: ['so', 'ar'],
    },
    {
      behaviour: 'counts the places not taken as free',
      resource: { capacity: { places: 12, taken: 11, expectedWaitDays: 30 } },
      reason: 'free_places',
      codes: ['1'],
    },
    {
      behaviour: 'gives no free-places reason when every place is taken',
      resource: { capacity: { places: 12, taken: 12, expectedWaitDays: 0 } },
      reason: 'free_places',
      codes: null,
    },
    {
      behaviour: 'gives no free-places reason when more places are taken than there are',
      resource: { capacity: { places: 12, taken: 13, expectedWaitDays: 0 } },
      reason: 'free_places',
      codes: null,
    },
    {
      behaviour: 'calls a wait of exactly 14 days short',
      resource: { capacity: { places: 1, taken: 1, expectedWaitDays: 14 } },
      reason: 'short_wait',
      codes: ['14'],
    },
    { behaviour: 'calls no wait at all short', resource: { capacity: { places: 1, taken: 0, expectedWaitDays: 0 } }, reason: 'short_wait', codes: ['0'] },
    {
      behaviour: 'does not call a wait of 15 days short',
      resource: { capacity: { places: 1, taken: 1, expectedWaitDays: 15 } },
      reason: 'short_wait',
      codes: null,
    },
    {
      behaviour: 'names the own municipality among several served',
      resource: { municipalityCodes: ['1881', '1880'] },
      reason: 'in_own_municipality',
      codes: ['1880'],
    },
    {
      behaviour: 'gives no own-municipality reason for a resource serving only others',
      resource: { municipalityCodes: ['1881'] },
      reason: 'in_own_municipality',
      codes: null,
    },
  ])('$behaviour', ({ resource, profile, reason, codes }) => {
    const reasons = eligible(evaluate(aResource(resource), aProfile(profile), today)).reasons;

    expect(reasons.find((fit) => fit.reason === reason)).toEqual(codes === null ? undefined : { reason, codes });
  });

  it('lowers the score a little for each started fortnight of wait beyond the first, and then no more', () => {
    const full = (expectedWaitDays: number) => scoreOf({ capacity: { places: 5, taken: 5, expectedWaitDays } });

    expect(full(15)).toBeLessThan(full(14));
    expect(full(28)).toBe(full(15));
    expect(full(29)).toBeLessThan(full(28));
    expect(full(365)).toBeLessThan(full(29));
    expect(full(365)).toBe(full(730));
  });

  it('scores a resource addressing one need above one sharing every target group and nothing else', () => {
    const everyGroup = [TargetGroup.YoungNotInEmploymentOrEducation, TargetGroup.YoungAdultWithDisability, TargetGroup.ForeignBackground];
    const profile = { targetGroups: everyGroup, supportNeeds: [SupportNeed.Motivation] };

    expect(scoreOf({ targetGroups: [TargetGroup.ForeignBackground], addressesNeeds: [SupportNeed.Motivation] }, profile)).toBeGreaterThan(
      scoreOf({ targetGroups: everyGroup, capacity: { places: 3, taken: 0, expectedWaitDays: 0 } }, profile),
    );
  });
});

describe('rankMatches', () => {
  const everyGroup = [TargetGroup.YoungNotInEmploymentOrEducation, TargetGroup.YoungAdultWithDisability, TargetGroup.ForeignBackground];
  const full = (expectedWaitDays: number) => ({ capacity: { places: 10, taken: 10, expectedWaitDays } });
  const open = (expectedWaitDays: number) => ({ capacity: { places: 10, taken: 4, expectedWaitDays } });

  // Names are chosen so that alphabetical order would be wrong wherever the score should decide.
  it.each<{
    scenario: string;
    resources: Array<Partial<SupportResourceRecord>>;
    profile?: Partial<PersonProfile>;
    limit?: number;
    matches: string[];
    excluded: string[];
  }>([
    {
      scenario: 'a need addressed beats sharing target groups only',
      profile: { targetGroups: everyGroup, supportNeeds: [SupportNeed.Motivation] },
      resources: [
        { name: 'Alla grupper', targetGroups: everyGroup },
        { name: 'Motivation', targetGroups: [TargetGroup.YoungNotInEmploymentOrEducation], addressesNeeds: [SupportNeed.Motivation] },
      ],
      matches: ['Motivation', 'Alla grupper'],
      excluded: [],
    },
    {
      scenario: 'more needs addressed beat fewer',
      profile: { supportNeeds: [SupportNeed.Motivation, SupportNeed.Studies, SupportNeed.Psychiatric] },
      resources: [
        { name: 'Ett behov', addressesNeeds: [SupportNeed.Studies], ...open(0) },
        { name: 'Två behov', addressesNeeds: [SupportNeed.Studies, SupportNeed.Psychiatric, SupportNeed.Vision] },
      ],
      matches: ['Två behov', 'Ett behov'],
      excluded: [],
    },
    {
      scenario: 'more target groups in common beat fewer',
      profile: { targetGroups: [TargetGroup.YoungNotInEmploymentOrEducation, TargetGroup.YoungAdultWithDisability] },
      resources: [
        { name: 'En grupp', targetGroups: [TargetGroup.YoungNotInEmploymentOrEducation] },
        { name: 'Två grupper', targetGroups: [TargetGroup.YoungAdultWithDisability, TargetGroup.YoungNotInEmploymentOrEducation] },
      ],
      matches: ['Två grupper', 'En grupp'],
      excluded: [],
    },
    {
      scenario: 'a language in common other than Swedish beats free places',
      profile: { languages: ['sv', 'ti'] },
      resources: [
        { name: 'Lediga platser', languages: ['sv'], ...open(21) },
        { name: 'Tigrinja', languages: ['sv', 'ti'], ...full(21) },
      ],
      matches: ['Tigrinja', 'Lediga platser'],
      excluded: [],
    },
    {
      scenario: 'free places beat a full resource, which is still listed',
      resources: [
        { name: 'Fullt', ...full(30) },
        { name: 'Ledigt', ...open(30) },
      ],
      matches: ['Ledigt', 'Fullt'],
      excluded: [],
    },
    {
      scenario: 'a short wait beats a long one',
      resources: [
        { name: 'Lång kö', ...full(90) },
        { name: 'Snart', ...full(10) },
      ],
      matches: ['Snart', 'Lång kö'],
      excluded: [],
    },
    {
      scenario: 'the own municipality beats a neighbouring one that takes anyone',
      resources: [
        { name: 'Grannkommunen', municipalityCodes: ['1881'] },
        { name: 'Hemkommunen', municipalityCodes: ['1880'] },
      ],
      matches: ['Hemkommunen', 'Grannkommunen'],
      excluded: [],
    },
    {
      scenario: 'a neighbouring municipality with a short wait beats the own one with a long wait',
      resources: [
        { name: 'Hemma, lång kö', municipalityCodes: ['1880'], ...full(120) },
        { name: 'Granne, snart', municipalityCodes: ['1881'], ...full(7) },
      ],
      matches: ['Granne, snart', 'Hemma, lång kö'],
      excluded: [],
    },
    {
      scenario: 'a long wait does not outweigh a need addressed',
      profile: { supportNeeds: [SupportNeed.Hearing] },
      resources: [
        { name: 'Direkt', ...open(0) },
        { name: 'Hörsel, lång kö', addressesNeeds: [SupportNeed.Hearing], ...full(400) },
      ],
      matches: ['Hörsel, lång kö', 'Direkt'],
      excluded: [],
    },
    {
      scenario: 'the shorter wait breaks a tie in score',
      resources: [
        { name: 'Alfa', ...full(28) },
        { name: 'Beta', ...full(15) },
        { name: 'Gamma', ...open(0) },
        { name: 'Delta', ...open(10) },
      ],
      matches: ['Gamma', 'Delta', 'Beta', 'Alfa'],
      excluded: [],
    },
    {
      scenario: 'the name breaks a tie in score and wait, in Swedish order',
      resources: [
        { name: 'Örebrohjälpen', ...full(21) },
        { name: 'Zonen', ...full(21) },
        { name: 'Aktivitetshuset', ...full(21) },
      ],
      matches: ['Aktivitetshuset', 'Zonen', 'Örebrohjälpen'],
      excluded: [],
    },
    {
      scenario: 'no more matches than the limit, the best ones',
      profile: { supportNeeds: [SupportNeed.Studies] },
      limit: 2,
      resources: [
        { name: 'A', ...full(21) },
        { name: 'B', addressesNeeds: [SupportNeed.Studies], ...full(21) },
        { name: 'C', ...open(0) },
        { name: 'D', addressesNeeds: [SupportNeed.Studies], ...open(0) },
      ],
      matches: ['D', 'B'],
      excluded: [],
    },
    {
      scenario: 'excluded resources, nearest misses first and then by name, no more than the limit',
      profile: { age: 40 },
      limit: 3,
      resources: [
        { name: 'Passar', ageRange: { min: 16, max: 64 } },
        { name: 'Tre fel', active: false, targetGroups: [TargetGroup.ForeignBackground] },
        { name: 'Ett fel B' },
        { name: 'Två fel', targetGroups: [TargetGroup.ForeignBackground] },
        { name: 'Ett fel A' },
        { name: 'Fyra fel', active: false, targetGroups: [TargetGroup.ForeignBackground], activeFrom: '2027-01-01' },
      ],
      matches: ['Passar'],
      excluded: ['Ett fel A', 'Ett fel B', 'Två fel'],
    },
    {
      scenario: 'nothing at all for a limit of zero',
      limit: 0,
      resources: [{ name: 'Passar' }, { name: 'Stängd', active: false }],
      matches: [],
      excluded: [],
    },
  ])('$scenario', ({ resources, profile, limit, matches, excluded }) => {
    const ranked = rankMatches(
      resources.map((overrides) => aResource(overrides)),
      aProfile(profile),
      today,
      limit ?? 10,
    );

    expect(ranked.matches.map(({ resource }) => resource.name)).toEqual(matches);
    expect(ranked.excluded.map(({ resource }) => resource.name)).toEqual(excluded);
  });

  it('breaks a tie in score, wait and name by id', () => {
    const later = aResource({ id: 'resource-b', name: 'Samma namn' });
    const earlier = aResource({ id: 'resource-a', name: 'Samma namn' });

    expect(rankMatches([later, earlier], aProfile(), today, 10).matches.map(({ resource }) => resource.id)).toEqual(['resource-a', 'resource-b']);
  });

  it('reports for each resource what evaluate says about it', () => {
    const fits = aResource({ name: 'Passar', addressesNeeds: [SupportNeed.Studies], ...open(3) });
    const misses = aResource({ name: 'Stängd', active: false, ageRange: { min: 30, max: 64 } });
    const profile = aProfile({ supportNeeds: [SupportNeed.Studies] });
    const fitting = eligible(evaluate(fits, profile, today));

    expect(rankMatches([misses, fits], profile, today, 10)).toEqual({
      matches: [{ resource: fits, score: fitting.score, reasons: fitting.reasons }],
      excluded: [
        {
          resource: misses,
          excludedBy: [
            { rule: 'inactive', codes: [] },
            { rule: 'age', codes: ['30-64'] },
          ],
        },
      ],
    });
  });

  it('leaves the candidates in the order it was given them', () => {
    const candidates = [aResource({ name: 'C', ...full(60) }), aResource({ name: 'B', active: false }), aResource({ name: 'A', ...open(0) })];
    const given = [...candidates];

    rankMatches(candidates, aProfile(), today, 10);

    expect(candidates).toEqual(given);
  });
});
