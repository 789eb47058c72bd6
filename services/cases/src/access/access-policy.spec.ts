import { AccessAction, AccessReason, CaseTeamRole, LegalBasis, StaffRole } from '@samverkan/contracts';
import { randomUUID } from 'node:crypto';
import { decideCaseAccess, type TeamMember } from './access-policy';

/*
 * The authorisation matrix of cases: every role × every relation to the case × every action on
 * an existing case × an ordinary person or one with protected identity, and every role opening
 * one. Each cell names the decision and its reason.
 */

const municipality = randomUUID();
const employmentService = randomUUID();
const socialServices = randomUUID(); // the municipality's försörjningsstöd: leads the case
const youthActivity = randomUUID(); // the municipality's KAA: on the team by skollagen 29:9
const labourMarket = randomUUID(); // the municipality's labour-market unit: not on the team
const employmentOffice = randomUUID();

const team: TeamMember[] = [
  { unitId: socialServices, organisationId: municipality, role: CaseTeamRole.Lead, legalBasis: LegalBasis.CaseHandling },
  { unitId: youthActivity, organisationId: municipality, role: CaseTeamRole.Member, legalBasis: LegalBasis.YouthActivityResponsibility },
];

const relations = {
  'the lead unit': { organisationId: municipality, unitId: socialServices },
  'a team unit': { organisationId: municipality, unitId: youthActivity },
  'another unit of the same municipality': { organisationId: municipality, unitId: labourMarket },
  'another organisation': { organisationId: employmentService, unitId: employmentOffice },
} as const;
type Relation = keyof typeof relations;

const caseActions = [
  AccessAction.ReadCase,
  AccessAction.ReadTimeline,
  AccessAction.RecordConsent,
  AccessAction.WithdrawConsent,
  AccessAction.CheckConsent,
  AccessAction.ChangeCaseStatus,
  AccessAction.ChangeTeam,
  AccessAction.RequestHandoff,
  AccessAction.ReadPerson,
  AccessAction.RectifyPerson,
  AccessAction.ErasePerson,
  AccessAction.ExtractPerson,
  AccessAction.ResolveDuplicate,
  AccessAction.ReadPlan,
  AccessAction.ChangePlan,
] as const;
const leadOnlyActions: AccessAction[] = [
  AccessAction.ChangeCaseStatus,
  AccessAction.ChangeTeam,
  AccessAction.RequestHandoff,
  AccessAction.RectifyPerson,
  AccessAction.ErasePerson,
  AccessAction.ExtractPerson,
  AccessAction.ResolveDuplicate,
];
/** Under protected identity only the lead unit learns who the person is. */
const identityActions: AccessAction[] = [AccessAction.ReadPerson];
const personStates = { 'an ordinary person': false, 'a person with protected identity': true } as const;
type PersonState = keyof typeof personStates;
const workingRoles: StaffRole[] = [StaffRole.Caseworker, StaffRole.Coordinator, StaffRole.UnitManager];
const otherRoles = Object.values(StaffRole).filter((role) => !workingRoles.includes(role));

function expected(
  role: StaffRole,
  relation: Relation,
  action: AccessAction,
  person: PersonState,
): { allowed: boolean; reason: AccessReason; legalBasis: LegalBasis | null } {
  if (!workingRoles.includes(role)) return { allowed: false, reason: AccessReason.Role, legalBasis: null };
  switch (relation) {
    case 'the lead unit':
      return { allowed: true, reason: AccessReason.LeadUnit, legalBasis: LegalBasis.CaseHandling };
    case 'a team unit':
      if (leadOnlyActions.includes(action)) return { allowed: false, reason: AccessReason.NotLeadUnit, legalBasis: null };
      if (personStates[person] && identityActions.includes(action)) return { allowed: false, reason: AccessReason.ProtectedIdentity, legalBasis: null };
      return { allowed: true, reason: AccessReason.TeamUnit, legalBasis: LegalBasis.YouthActivityResponsibility };
    case 'another unit of the same municipality':
      return { allowed: false, reason: AccessReason.OtherUnitOfTeamOrganisation, legalBasis: null };
    case 'another organisation':
      return { allowed: false, reason: AccessReason.NotOnTeam, legalBasis: null };
  }
}

const matrix = Object.values(StaffRole).flatMap((role) =>
  (Object.keys(relations) as Relation[]).flatMap((relation) =>
    caseActions.flatMap((action) =>
      (Object.keys(personStates) as PersonState[]).map((person) => [role, relation, action, person, expected(role, relation, action, person)] as const),
    ),
  ),
);

describe('the access policy of cases', () => {
  it('covers every role, relation and action', () => {
    expect(matrix).toHaveLength(Object.values(StaffRole).length * 4 * caseActions.length * 2);
    expect(otherRoles).toEqual(expect.arrayContaining([StaffRole.Analyst, StaffRole.DataProtectionOfficer, StaffRole.Operator, StaffRole.Administrator]));
  });

  it.each(matrix)('%s in %s, %s, %s: %j', (role, relation, action, person, decision) => {
    expect(decideCaseAccess({ actor: { ...relations[relation], roles: [role] }, action, team, protectedIdentity: personStates[person] })).toEqual(decision);
  });

  it('decides on the unit the staff member acts for, whatever other roles they hold', () => {
    const actor = { ...relations['another unit of the same municipality'], roles: [StaffRole.Caseworker, StaffRole.Administrator, StaffRole.UnitManager] };
    expect(decideCaseAccess({ actor, action: AccessAction.ReadCase, team })).toMatchObject({
      allowed: false,
      reason: AccessReason.OtherUnitOfTeamOrganisation,
    });
  });

  it.each([
    [true, { allowed: true, reason: AccessReason.TeamUnit, legalBasis: LegalBasis.Consent }],
    [false, { allowed: false, reason: AccessReason.ConsentNotActive, legalBasis: null }],
    [undefined, { allowed: false, reason: AccessReason.ConsentNotActive, legalBasis: null }],
  ])('lets a unit on the team on the person’s consent in only while a consent covers it (covered: %s)', (covered, decision) => {
    const onConsent: TeamMember = {
      unitId: employmentOffice,
      organisationId: employmentService,
      role: CaseTeamRole.Member,
      legalBasis: LegalBasis.Consent,
      covered,
    };
    const actor = { ...relations['another organisation'], roles: [StaffRole.Caseworker] };
    for (const action of [AccessAction.ReadCase, AccessAction.ReadTimeline, AccessAction.CheckConsent]) {
      expect(decideCaseAccess({ actor, action, team: [...team, onConsent] })).toEqual(decision);
    }
  });

  it.each(Object.values(StaffRole))('lets only caseworkers open a case for their own unit: %s', (role) => {
    const decision = decideCaseAccess({ actor: { ...relations['the lead unit'], roles: [role] }, action: AccessAction.OpenCase, team: [] });
    expect(decision).toEqual(
      role === StaffRole.Caseworker
        ? { allowed: true, reason: AccessReason.OpensForOwnUnit, legalBasis: LegalBasis.CaseHandling }
        : { allowed: false, reason: AccessReason.Role, legalBasis: null },
    );
  });
});
