import { Injectable } from '@nestjs/common';
import {
  defaultPageSize,
  DomainError,
  ErrorCode,
  EventType,
  type ActorContext,
  type CreateStaffMemberCommand,
  type ListStaffMembersQuery,
  type Page,
  type StaffMemberView,
  type UpdateStaffMemberCommand,
} from '@samverkan/contracts';
import { Outbox } from '@samverkan/messaging';
import { decodeCursor, toPage } from '@samverkan/platform';
import { v7 as uuidv7 } from 'uuid';
import { CompetencesService } from '../competences/competences.service';
import { ActorsTransactional } from '../database';
import { assertMaintainsOrganisation } from '../directory/access';
import type { StaffMemberRecord } from '../directory/records';
import { OrganisationsService } from '../organisations/organisations.service';
import { StaffRepository } from './staff.repository';
import { staffState } from '../directory/states';

const toView = (record: StaffMemberRecord): StaffMemberView => ({ ...record });

const staffMemberNotFound = (staffId: string) => new DomainError(ErrorCode.StaffMemberNotFound, `No staff member ${staffId}`);

@Injectable()
export class StaffService {
  constructor(
    private readonly staff: StaffRepository,
    private readonly organisations: OrganisationsService,
    private readonly competences: CompetencesService,
    private readonly outbox: Outbox,
  ) {}

  async get(staffId: string): Promise<StaffMemberView> {
    const member = await this.staff.findById(staffId);
    if (!member) throw staffMemberNotFound(staffId);
    return toView(member);
  }

  async list(query: ListStaffMembersQuery): Promise<Page<StaffMemberView>> {
    const limit = query.limit ?? defaultPageSize;
    const rows = await this.staff.list({
      organisationId: query.organisationId,
      unitId: query.unitId,
      role: query.role,
      competence: query.competence,
      language: query.language,
      municipalityCode: query.municipalityCode,
      active: query.active,
      afterId: decodeCursor(query.after)?.id,
      take: limit + 1,
    });
    // Staff names are personal data: the cursor carries the id alone.
    return toPage(rows, limit, toView, (row) => ({ key: '', id: row.id }));
  }

  @ActorsTransactional()
  async create(command: CreateStaffMemberCommand, actor: ActorContext): Promise<StaffMemberView> {
    const unit = await this.organisations.requireOwnUnit(command.unitId, actor);
    await this.competences.assertKnown(command.competences, 'competences');
    const member = await this.staff.create({
      id: uuidv7(),
      organisationId: unit.organisationId,
      unitId: unit.id,
      displayName: command.displayName.trim(),
      email: command.email ?? null,
      roles: command.roles,
      languages: command.languages ?? [],
      competences: command.competences ?? [],
    });
    await this.outbox.add(EventType.StaffMemberRegistered, { type: 'staff-member', id: member.id }, staffState(member));
    return toView(member);
  }

  @ActorsTransactional()
  async update(command: UpdateStaffMemberCommand, actor: ActorContext): Promise<StaffMemberView> {
    const member = await this.staff.findById(command.staffId);
    if (!member) throw staffMemberNotFound(command.staffId);
    assertMaintainsOrganisation(actor, member.organisationId);
    if (command.unitId) await this.organisations.requireOwnUnit(command.unitId, actor);
    await this.competences.assertKnown(command.competences, 'competences');
    const updated = await this.staff.update(member.id, {
      unitId: command.unitId,
      displayName: command.displayName?.trim(),
      email: command.email === undefined ? undefined : (command.email ?? null),
      roles: command.roles,
      languages: command.languages,
      competences: command.competences,
      active: command.active,
    });
    if (!updated) throw staffMemberNotFound(command.staffId);
    await this.outbox.add(EventType.StaffMemberUpdated, { type: 'staff-member', id: updated.id }, staffState(updated));
    return toView(updated);
  }
}
