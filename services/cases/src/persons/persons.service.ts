import { Injectable } from '@nestjs/common';
import {
  AccessAction,
  AccessReason,
  DomainError,
  DuplicateStatus,
  ErrorCode,
  EventType,
  LegalBasis,
  defaultPageSize,
  type ActorContext,
  type DismissDuplicateCommand,
  type DuplicateView,
  type ErasePersonCommand,
  type ErasureView,
  type GetPersonQuery,
  type ListDuplicatesQuery,
  type MergeDuplicateCommand,
  type OpenCaseCommand,
  type Page,
  type PersonView,
  type RectifyPersonCommand,
} from '@samverkan/contracts';
import { Outbox } from '@samverkan/messaging';
import { decodeCursor, isTimeKey, toPage } from '@samverkan/platform';
import { v7 as uuidv7 } from 'uuid';
import { AccessLog } from '../access/access-log';
import { caseRoles } from '../access/access-policy';
import { CaseAccess, type AllowedCaseAccess } from '../access/case-access';
import { CasesRepository } from '../cases/cases.repository';
import { CasesTransactional } from '../database';
import { IdentityProtector, identityFacts, type IdentityFacts } from '../identity/identity-protector';
import { RetentionRepository } from '../retention/retention.repository';
import { PersonsRepository, type DuplicateRecord, type DuplicateWithCases, type PersonChanges, type PersonRecord } from './persons.repository';

const notStoredUnderProtection = (field: string) =>
  new DomainError(ErrorCode.ValidationFailed, `A person with protected identity has no ${field} stored`, [
    { field, message: 'not stored under protected identity' },
  ]);

const duplicateNotFound = (duplicateId: string) =>
  new DomainError(ErrorCode.DuplicateNotFound, `No duplicate proposal ${duplicateId}`, [{ field: 'duplicateId', message: 'no such proposal' }]);

/** YYYYMMDDNNNN → YYYYMMDD-NNNN, the way Swedish agencies write the long form. */
function formatIdentityNumber(canonical: string): string {
  return `${canonical.slice(0, 8)}-${canonical.slice(8)}`;
}

function toDuplicateView(record: DuplicateRecord, cases: DuplicateWithCases['cases']): DuplicateView {
  return {
    id: record.id,
    personId: record.personId,
    otherPersonId: record.otherPersonId,
    cases,
    status: record.status,
    proposedAt: record.proposedAt.toISOString(),
    keptPersonId: record.keptPersonId,
  };
}

/**
 * The persons behind cases: registered when a case opens, shown to the case's team (under
 * protected identity to the lead unit only), rectified and erased by the lead unit, and made one
 * when staff confirm that two numbers belong to one person.
 */
@Injectable()
export class PersonsService {
  constructor(
    private readonly persons: PersonsRepository,
    private readonly cases: CasesRepository,
    private readonly identity: IdentityProtector,
    private readonly access: CaseAccess,
    private readonly accessLog: AccessLog,
    private readonly retention: RetentionRepository,
    private readonly outbox: Outbox,
  ) {}

  /**
   * The person a new case is for: found by number, or registered with what the command gives.
   * A known person keeps what was recorded, except that protected identity is never lifted here
   * and, once asked for, clears what it forbids. Runs in the opening case's transaction.
   */
  async register(command: OpenCaseCommand): Promise<{ person: PersonRecord; facts: IdentityFacts }> {
    if (command.protectedIdentity && command.name !== undefined) throw notStoredUnderProtection('name');
    const facts = identityFacts(command.personnummer);
    const protectedIdentity = command.protectedIdentity ?? false;
    const identity = this.identity.protect(command.personnummer);
    const duplicateKeys = command.name && !protectedIdentity ? this.identity.duplicateKeys(command.personnummer, command.name) : null;
    const { person, created } = await this.persons.findOrCreate({
      id: uuidv7(),
      identityHash: identity.hash,
      identityLookupHashes: identity.lookupHashes,
      identity: identity.encryption,
      name: command.name && !protectedIdentity ? this.identity.encrypt(command.name) : null,
      duplicateKey: duplicateKeys?.hash ?? null,
      gender: command.gender ?? facts.legalGender,
      municipalityCode: protectedIdentity ? null : command.municipalityCode,
      protectedIdentity,
    });
    if (created && duplicateKeys) await this.persons.proposeDuplicates(person.id, duplicateKeys.lookupHashes);
    if (!created && protectedIdentity && !person.protectedIdentity) {
      return { person: await this.persons.update(person.id, { protectedIdentity: true, name: null, municipalityCode: null, duplicateKey: null }), facts };
    }
    return { person, facts };
  }

  /** Who the case's person is, to the units on the team (under protected identity, the lead unit). */
  async get(query: GetPersonQuery, actor: ActorContext): Promise<PersonView> {
    const access = await this.access.require(query.caseId, actor, AccessAction.ReadPerson);
    const person = await this.personOf(access);
    await this.access.logAllowed(access, actor, AccessAction.ReadPerson);
    return this.view(person);
  }

  /**
   * Corrects what is recorded about the person (GDPR Art. 16); only the lead unit may. A number
   * that another person has is refused: the two are merged instead. The timeline names the
   * fields changed, never their values.
   */
  @CasesTransactional()
  async rectify(command: RectifyPersonCommand, actor: ActorContext): Promise<PersonView> {
    const given = [command.personnummer, command.name, command.gender, command.municipalityCode, command.protectedIdentity];
    if (given.every((value) => value === undefined)) {
      throw new DomainError(ErrorCode.ValidationFailed, 'Name at least one field to correct', [{ field: 'body', message: 'corrects nothing' }]);
    }
    const access = await this.access.require(command.caseId, actor, AccessAction.RectifyPerson);
    const person = await this.personOf(access);
    const protectedIdentity = command.protectedIdentity ?? person.protectedIdentity;
    if (protectedIdentity && command.name) throw notStoredUnderProtection('name');
    if (protectedIdentity && command.municipalityCode) throw notStoredUnderProtection('municipalityCode');

    const changes: PersonChanges = {};
    const changed: string[] = [];
    const number = command.personnummer ?? this.identity.reveal(person.identity);
    if (command.personnummer) {
      const identity = this.identity.protect(command.personnummer);
      if (await this.persons.withIdentity(identity.lookupHashes, person.id)) {
        throw new DomainError(ErrorCode.IdentityNumberTaken, 'Another person has this number; merge the two instead', [
          { field: 'personnummer', message: 'belongs to another person' },
        ]);
      }
      Object.assign(changes, { identityHash: identity.hash, identity: identity.encryption });
      changed.push('personnummer');
    }
    if (command.gender && command.gender !== person.gender) {
      changes.gender = command.gender;
      changed.push('gender');
    }
    if (command.protectedIdentity !== undefined && command.protectedIdentity !== person.protectedIdentity) {
      changes.protectedIdentity = command.protectedIdentity;
      changed.push('protectedIdentity');
    }
    if (protectedIdentity) {
      Object.assign(changes, { name: null, municipalityCode: null, duplicateKey: null });
    } else {
      if (command.name !== undefined) {
        changes.name = command.name === null ? null : this.identity.encrypt(command.name);
        changed.push('name');
      }
      if (command.municipalityCode !== undefined) {
        changes.municipalityCode = command.municipalityCode;
        changed.push('municipalityCode');
      }
    }
    const name = changes.name !== undefined ? command.name : person.name && this.identity.reveal(person.name);
    const duplicateKeys = !protectedIdentity && name ? this.identity.duplicateKeys(number, name) : null;
    if (!protectedIdentity) changes.duplicateKey = duplicateKeys?.hash ?? null;

    const updated = await this.persons.update(person.id, changes);
    if (duplicateKeys && (command.personnummer || command.name)) await this.persons.proposeDuplicates(person.id, duplicateKeys.lookupHashes);
    if (changes.gender) await this.cases.setGenderOfPerson(person.id, changes.gender);
    if (changed.length > 0) {
      await this.cases.addToTimeline({
        id: uuidv7(),
        caseId: access.case.id,
        kind: 'person.rectified',
        staffId: actor.staffId,
        unitId: actor.unitId,
        details: { fields: changed.join(',') },
      });
    }
    await this.access.logAllowed(access, actor, AccessAction.RectifyPerson);
    return this.view(updated);
  }

  /** Proposals about persons whose cases the staff member's unit leads, newest first. */
  async listDuplicates(query: ListDuplicatesQuery, actor: ActorContext): Promise<Page<DuplicateView>> {
    if (!actor.roles.some((role) => caseRoles.includes(role))) {
      const decision = { allowed: false as const, reason: AccessReason.Role, legalBasis: null };
      await this.accessLog.appendDenied({ actor, action: AccessAction.ResolveDuplicate, decision });
      throw new DomainError(ErrorCode.Forbidden, `Access denied: ${decision.reason}`);
    }
    const limit = query.limit ?? defaultPageSize;
    const rows = await this.persons.duplicatesForUnit({
      unitId: actor.unitId,
      status: query.status,
      after: decodeCursor(query.after, isTimeKey),
      take: limit + 1,
    });
    await this.accessLog.append({
      actor,
      action: AccessAction.ResolveDuplicate,
      decision: { allowed: true, reason: AccessReason.OwnUnitCases, legalBasis: LegalBasis.CaseHandling },
    });
    return toPage(
      rows,
      limit,
      (row) => toDuplicateView(row, row.cases),
      (row) => ({ key: row.proposedAt.toISOString(), id: row.id }),
    );
  }

  /**
   * Makes the two persons one: the other person's cases move to the one kept, whose number is
   * the right one, and the other's identity is deleted. The unit must lead a case of each.
   */
  @CasesTransactional()
  async merge(command: MergeDuplicateCommand, actor: ActorContext): Promise<DuplicateView> {
    const duplicate = await this.persons.duplicate(command.duplicateId);
    if (!duplicate) throw duplicateNotFound(command.duplicateId);
    if (duplicate.status !== DuplicateStatus.Proposed) throw this.alreadyDecided();
    if (command.keepPersonId !== duplicate.personId && command.keepPersonId !== duplicate.otherPersonId) {
      throw new DomainError(ErrorCode.ValidationFailed, 'Keep one of the two persons of the proposal', [
        { field: 'keepPersonId', message: 'must be one of the proposal’s two persons' },
      ]);
    }
    const accesses = await this.requireBothSides(duplicate, actor);
    const removed = command.keepPersonId === duplicate.personId ? duplicate.otherPersonId : duplicate.personId;
    const decided = await this.persons.decide(duplicate.id, DuplicateStatus.Merged, command.keepPersonId, actor.staffId);
    if (!decided) throw this.alreadyDecided();
    const moved = await this.persons.merge(command.keepPersonId, removed);
    for (const caseId of moved) {
      await this.cases.addToTimeline({ id: uuidv7(), caseId, kind: 'person.merged', staffId: actor.staffId, unitId: actor.unitId, details: {} });
    }
    for (const access of accesses) await this.access.logAllowed(access, actor, AccessAction.ResolveDuplicate);
    return toDuplicateView(decided, await this.casesOfUnit([decided.personId, decided.otherPersonId, command.keepPersonId], actor.unitId));
  }

  /** The two are different people: the pair is never proposed again. */
  @CasesTransactional()
  async dismiss(command: DismissDuplicateCommand, actor: ActorContext): Promise<DuplicateView> {
    const duplicate = await this.persons.duplicate(command.duplicateId);
    if (!duplicate) throw duplicateNotFound(command.duplicateId);
    if (duplicate.status !== DuplicateStatus.Proposed) throw this.alreadyDecided();
    const accesses = await this.requireBothSides(duplicate, actor);
    const decided = await this.persons.decide(duplicate.id, DuplicateStatus.Dismissed, null, actor.staffId);
    if (!decided) throw this.alreadyDecided();
    for (const access of accesses) await this.access.logAllowed(access, actor, AccessAction.ResolveDuplicate);
    return toDuplicateView(decided, await this.casesOfUnit([decided.personId, decided.otherPersonId], actor.unitId));
  }

  /**
   * Erasure (GDPR Art. 17) where the law allows it: every case of the person is closed and led
   * by the actor's organisation, which answers for them. The cases keep their codes as
   * pseudonymous statistics; the person, consents, team, plan and timeline go.
   */
  @CasesTransactional()
  async erase(command: ErasePersonCommand, actor: ActorContext): Promise<ErasureView> {
    const access = await this.access.require(command.caseId, actor, AccessAction.ErasePerson);
    const person = await this.personOf(access);
    const cases = await this.persons.leadUnitsOfCases(person.id);
    if (cases.some((other) => other.status !== 'closed')) {
      throw new DomainError(ErrorCode.ErasureNotAllowed, 'A case of the person is still open; its data is needed until it closes', [
        { field: 'caseId', message: 'the person has a case that is not closed' },
      ]);
    }
    if (cases.some((other) => other.organisationId !== actor.organisationId)) {
      throw new DomainError(ErrorCode.ErasureNotAllowed, 'Another organisation keeps a case of the person; erasure there is for it to decide', [
        { field: 'caseId', message: 'another organisation leads a case of the person' },
      ]);
    }
    const purged = await this.retention.purgeCases(cases.map((other) => other.caseId));
    for (const caseId of purged.caseIds) {
      await this.outbox.add(EventType.CasePurged, { type: 'case', id: caseId }, { caseId, rule: 'erasure' });
    }
    await this.retention.recordDeletion('erasure', 'case', purged.caseIds.length);
    await this.retention.recordDeletion('erasure', 'person', purged.persons);
    await this.access.logAllowed(access, actor, AccessAction.ErasePerson);
    return { personId: person.id, casesErased: purged.caseIds.length };
  }

  view(person: PersonRecord): PersonView {
    const facts = identityFacts(this.identity.reveal(person.identity));
    return {
      id: person.id,
      personnummer: formatIdentityNumber(facts.canonical),
      coordinationNumber: facts.coordinationNumber,
      name: person.name ? this.identity.reveal(person.name) : null,
      gender: person.gender,
      municipalityCode: person.municipalityCode,
      protectedIdentity: person.protectedIdentity,
      birthYearBand: facts.birthYearBand,
    };
  }

  async personOf(access: AllowedCaseAccess): Promise<PersonRecord> {
    const person = access.case.personId ? await this.persons.get(access.case.personId) : null;
    if (!person) throw new Error(`case ${access.case.id} has no person although it was not purged`);
    return person;
  }

  /** A proposal is decided on both persons' data: the unit must lead a case of each. */
  private async requireBothSides(duplicate: DuplicateRecord, actor: ActorContext): Promise<AllowedCaseAccess[]> {
    const accesses: AllowedCaseAccess[] = [];
    for (const personId of [duplicate.personId, duplicate.otherPersonId]) {
      const cases = await this.persons.leadUnitsOfCases(personId);
      const own = cases.find((candidate) => candidate.unitId === actor.unitId) ?? cases[0];
      if (!own) throw duplicateNotFound(duplicate.id);
      accesses.push(await this.access.require(own.caseId, actor, AccessAction.ResolveDuplicate));
    }
    return accesses;
  }

  private alreadyDecided(): DomainError {
    return new DomainError(ErrorCode.IllegalTransition, 'The proposal was decided already', [{ field: 'duplicateId', message: 'already decided' }]);
  }

  private async casesOfUnit(personIds: string[], unitId: string): Promise<DuplicateWithCases['cases']> {
    const cases: DuplicateWithCases['cases'] = [];
    for (const personId of new Set(personIds)) {
      for (const other of await this.persons.leadUnitsOfCases(personId)) {
        if (other.unitId === unitId) cases.push({ caseId: other.caseId, personId });
      }
    }
    return cases;
  }
}
