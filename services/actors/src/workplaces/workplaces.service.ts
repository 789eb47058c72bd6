import { Injectable } from '@nestjs/common';
import {
  defaultPageSize,
  DomainError,
  ErrorCode,
  EventType,
  normaliseOrganisationNumber,
  type ActorContext,
  type CreateWorkplaceCommand,
  type ListWorkplacesQuery,
  type Page,
  type UpdateWorkplaceCommand,
  type WorkplaceView,
} from '@samverkan/contracts';
import { Outbox } from '@samverkan/messaging';
import { decodeCursor, toPage } from '@samverkan/platform';
import { v7 as uuidv7 } from 'uuid';
import { ActorsTransactional } from '../database';
import { assertMaintainsOrganisation } from '../directory/access';
import type { WorkplaceRecord } from '../directory/records';
import { WorkplacesRepository } from './workplaces.repository';
import { workplaceState } from '../directory/states';

const toView = (record: WorkplaceRecord): WorkplaceView => ({ ...record });

const workplaceNotFound = (workplaceId: string) => new DomainError(ErrorCode.WorkplaceNotFound, `No workplace ${workplaceId}`);

@Injectable()
export class WorkplacesService {
  constructor(
    private readonly workplaces: WorkplacesRepository,
    private readonly outbox: Outbox,
  ) {}

  async list(query: ListWorkplacesQuery): Promise<Page<WorkplaceView>> {
    const limit = query.limit ?? defaultPageSize;
    const rows = await this.workplaces.list({
      municipalityCode: query.municipalityCode,
      offer: query.offer,
      adaptation: query.adaptation,
      supportNeeded: query.supportNeeded,
      q: query.q,
      organisationId: query.organisationId,
      active: query.active,
      after: decodeCursor(query.after),
      take: limit + 1,
    });
    return toPage(rows, limit, toView, (row) => ({ key: row.name, id: row.id }));
  }

  async get(workplaceId: string): Promise<WorkplaceView> {
    const workplace = await this.workplaces.findById(workplaceId);
    if (!workplace) throw workplaceNotFound(workplaceId);
    return toView(workplace);
  }

  /** The acting staff member's organisation keeps the entry. */
  @ActorsTransactional()
  async create(command: CreateWorkplaceCommand, actor: ActorContext): Promise<WorkplaceView> {
    assertMaintainsOrganisation(actor, actor.organisationId);
    const workplace = await this.workplaces.create({
      id: uuidv7(),
      organisationId: actor.organisationId,
      employerName: command.employerName.trim(),
      employerOrganisationNumber: normaliseOrganisationNumber(command.employerOrganisationNumber),
      name: command.name.trim(),
      industry: command.industry?.trim() || null,
      municipalityCode: command.municipalityCode,
      address: command.address ?? null,
      offers: command.offers,
      adaptations: command.adaptations ?? [],
      supportNeeded: command.supportNeeded ?? [],
      places: command.places,
      email: command.email ?? null,
      phone: command.phone ?? null,
      description: command.description?.trim() || null,
    });
    await this.outbox.add(EventType.WorkplaceRegistered, { type: 'workplace', id: workplace.id }, workplaceState(workplace));
    return toView(workplace);
  }

  @ActorsTransactional()
  async update(command: UpdateWorkplaceCommand, actor: ActorContext): Promise<WorkplaceView> {
    const workplace = await this.workplaces.findById(command.workplaceId);
    if (!workplace) throw workplaceNotFound(command.workplaceId);
    assertMaintainsOrganisation(actor, workplace.organisationId);
    const clear = <T>(value: T | null | undefined): T | null | undefined => (value === undefined ? undefined : (value ?? null));
    const updated = await this.workplaces.update(workplace.id, {
      name: command.name?.trim(),
      industry: clear(command.industry),
      municipalityCode: command.municipalityCode,
      address: clear(command.address),
      offers: command.offers,
      adaptations: command.adaptations,
      supportNeeded: command.supportNeeded,
      places: command.places,
      email: clear(command.email),
      phone: clear(command.phone),
      description: clear(command.description),
      active: command.active,
    });
    if (!updated) throw workplaceNotFound(command.workplaceId);
    await this.outbox.add(EventType.WorkplaceUpdated, { type: 'workplace', id: updated.id }, workplaceState(updated));
    return toView(updated);
  }
}
