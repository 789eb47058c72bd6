import { Injectable } from '@nestjs/common';
import {
  AccessAction,
  AccessReason,
  DomainError,
  ErrorCode,
  ReferralSharedField,
  type ActorContext,
  type ReadSharedInformationQuery,
  type SharedInformationView,
} from '@samverkan/contracts';
import { AccessLog } from '../access/access-log';
import { CaseAccess } from '../access/case-access';
import { PlanStepsRepository } from '../plans/plan-steps.repository';
import { PersonsService } from './persons.service';

/** Under protected identity the number stays with the lead unit; the name and municipality are never stored then. */
const withheldUnderProtection: readonly ReferralSharedField[] = [
  ReferralSharedField.Personnummer,
  ReferralSharedField.Name,
  ReferralSharedField.MunicipalityOfResidence,
];

/**
 * What the receiver of a referral reads of the person: the fields the sender chose, decided here
 * on the case's own consent rows on every read, so a withdrawn or expired consent refuses the very
 * next one. Reads and refusals are both in the access log.
 */
@Injectable()
export class SharedInformationService {
  constructor(
    private readonly access: CaseAccess,
    private readonly accessLog: AccessLog,
    private readonly persons: PersonsService,
    private readonly planSteps: PlanStepsRepository,
  ) {}

  async read(query: ReadSharedInformationQuery, actor: ActorContext): Promise<SharedInformationView> {
    const access = await this.access.requireForShare(query, actor, AccessAction.ReadSharedInformation);
    if (access.coveredBy === null) {
      await this.accessLog.appendDenied({
        actor,
        action: AccessAction.ReadSharedInformation,
        decision: { allowed: false, reason: AccessReason.ConsentNotActive, legalBasis: null },
        caseId: access.case.id,
        caseOrganisationId: access.case.ownerOrganisationId,
        personId: access.case.personId,
        purpose: query.purpose,
      });
      throw new DomainError(ErrorCode.ConsentNotActive, 'The consent the referral relied on no longer holds for this reader', [
        { field: 'referralId', message: 'consent withdrawn, expired or not naming this unit' },
      ]);
    }

    const chosen = new Set(query.fields);
    const withheld = access.protectedIdentity ? query.fields.filter((field) => withheldUnderProtection.includes(field)) : [];
    const given = (field: ReferralSharedField) => chosen.has(field) && !withheld.includes(field);
    const view: SharedInformationView = { sharedFields: query.fields, protectedIdentity: access.protectedIdentity, withheld };
    if (given(ReferralSharedField.Personnummer) || given(ReferralSharedField.Name) || given(ReferralSharedField.MunicipalityOfResidence)) {
      const person = this.persons.view(await this.persons.personOf(access));
      if (given(ReferralSharedField.Personnummer)) view.personnummer = person.personnummer;
      if (given(ReferralSharedField.Name)) view.name = person.name;
      if (given(ReferralSharedField.MunicipalityOfResidence)) view.municipalityCode = person.municipalityCode;
    }
    if (given(ReferralSharedField.Gender)) view.gender = access.case.gender;
    if (given(ReferralSharedField.TargetGroup)) view.targetGroup = access.case.targetGroup;
    if (given(ReferralSharedField.SupportNeeds)) view.supportNeeds = access.case.supportNeeds;
    if (given(ReferralSharedField.PlanSteps)) view.planSteps = await this.planSteps.ofCase(access.case.id);
    await this.access.logAllowed(access, actor, AccessAction.ReadSharedInformation, query.purpose);
    return view;
  }
}
