import { ActorsDirectory } from '@samverkan/messaging';
import { Injectable } from '@nestjs/common';
import { AccessAction, todayInSweden, type ActorContext, type RegisterExtractQuery, type RegisterExtractView } from '@samverkan/contracts';
import { AccessLogRepository } from '../access/access-log.repository';
import { CaseAccess } from '../access/case-access';
import { CasesRepository } from '../cases/cases.repository';
import { toCaseView, toTimelineEntryView } from '../cases/cases.service';
import { ConsentsRepository, toConsentView } from '../consents/consents.repository';
import { PlanStepsRepository } from '../plans/plan-steps.repository';
import { PersonsRepository } from './persons.repository';
import { PersonsService } from './persons.service';

/**
 * Registerutdrag (GDPR Art. 15), asked of the unit leading a case: the person as stored, every
 * case of theirs that the unit's organisation leads (it is their controller) with consents,
 * team, plan and timeline, and every access to their data, logged like any other read.
 */
@Injectable()
export class RegisterExtractService {
  constructor(
    private readonly access: CaseAccess,
    private readonly persons: PersonsService,
    private readonly personRows: PersonsRepository,
    private readonly cases: CasesRepository,
    private readonly consents: ConsentsRepository,
    private readonly steps: PlanStepsRepository,
    private readonly accessLog: AccessLogRepository,
    private readonly directory: ActorsDirectory,
  ) {}

  async extract(query: RegisterExtractQuery, actor: ActorContext): Promise<RegisterExtractView> {
    const access = await this.access.require(query.caseId, actor, AccessAction.ExtractPerson);
    const person = await this.persons.personOf(access);
    const today = todayInSweden();
    const names = new DirectoryNames(this.directory);
    const caseIds = (await this.personRows.leadUnitsOfCases(person.id))
      .filter((other) => other.organisationId === actor.organisationId)
      .map((other) => other.caseId);
    const cases: RegisterExtractView['cases'] = [];
    for (const caseId of caseIds) {
      const found = await this.cases.findWithTeam(caseId, today);
      if (!found) continue;
      const consents = await this.consents.ofCase(caseId);
      cases.push({
        case: toCaseView(
          found.case,
          found.team,
          consents.map((consent) => toConsentView(consent, today)),
        ),
        ownerOrganisationName: await names.organisation(found.case.ownerOrganisationId),
        planSteps: await this.steps.ofCase(caseId),
        timeline: (await this.cases.timeline(caseId)).map(toTimelineEntryView),
      });
    }
    const entries = await this.accessLog.aboutPerson(person.id, caseIds);
    const accesses: RegisterExtractView['accesses'] = [];
    for (const entry of entries) {
      accesses.push({
        at: entry.at.toISOString(),
        staffId: entry.staffId,
        unitId: entry.unitId,
        organisationId: entry.organisationId,
        organisationName: await names.organisation(entry.organisationId),
        unitName: await names.unit(entry.unitId),
        action: entry.action,
        outcome: entry.outcome,
        legalBasis: entry.legalBasis,
        purpose: entry.purpose,
      });
    }
    await this.access.logAllowed(access, actor, AccessAction.ExtractPerson);
    return {
      generatedAt: new Date().toISOString(),
      controllerOrganisationId: actor.organisationId,
      controllerName: await names.organisation(actor.organisationId),
      person: this.persons.view(person),
      cases,
      accesses,
    };
  }
}

/** ActorsDirectory names for one extract: each organisation and unit asked for once, however often it appears. */
class DirectoryNames {
  private readonly names = new Map<string, Promise<string | null>>();

  constructor(private readonly directory: ActorsDirectory) {}

  organisation(organisationId: string): Promise<string | null> {
    return this.cached(`organisation:${organisationId}`, async () => (await this.directory.findOrganisation(organisationId))?.name ?? null);
  }

  unit(unitId: string): Promise<string | null> {
    return this.cached(`unit:${unitId}`, async () => (await this.directory.findUnit(unitId))?.name ?? null);
  }

  private cached(key: string, load: () => Promise<string | null>): Promise<string | null> {
    let name = this.names.get(key);
    if (!name) {
      name = load();
      this.names.set(key, name);
    }
    return name;
  }
}
