import { Injectable } from '@nestjs/common';
import {
  assertRole,
  defaultPageSize,
  EventType,
  OrganisationType,
  StaffRole,
  type CreateOrganisationCommand,
  type ListOrganisationsQuery,
  type OrganisationView,
  type Page,
  type ActorContext,
} from '@samverkan/contracts';
import { Outbox } from '@samverkan/messaging';
import { decodeCursor, toPage } from '@samverkan/platform';
import { v7 as uuidv7 } from 'uuid';
import { municipalityCodeRequired, organisationNotFound } from './organisations.errors';
import { OrganisationsRepository, type OrganisationRecord } from './organisations.repository';
import { ActorsTransactional } from '../database';

export function toOrganisationView(record: OrganisationRecord): OrganisationView {
  return {
    id: record.id,
    name: record.name,
    type: record.type,
    municipalityCode: record.municipalityCode,
    createdAt: record.createdAt.toISOString(),
  };
}

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly organisations: OrganisationsRepository,
    private readonly outbox: Outbox,
  ) {}

  async list(query: ListOrganisationsQuery): Promise<Page<OrganisationView>> {
    const limit = query.limit ?? defaultPageSize;
    const rows = await this.organisations.list({
      type: query.type,
      municipalityCode: query.municipalityCode,
      after: decodeCursor(query.after),
      take: limit + 1,
    });
    return toPage(rows, limit, toOrganisationView, (row) => ({ key: row.name, id: row.id }));
  }

  async get(organisationId: string): Promise<OrganisationView> {
    const organisation = await this.organisations.findById(organisationId);
    if (!organisation) throw organisationNotFound(organisationId);
    return toOrganisationView(organisation);
  }

  @ActorsTransactional()
  async create(command: CreateOrganisationCommand, actor: ActorContext): Promise<OrganisationView> {
    assertRole(actor, StaffRole.Administrator);
    if (command.type === OrganisationType.Municipality && !command.municipalityCode) throw municipalityCodeRequired();
    const organisation = await this.organisations.create({
      id: uuidv7(),
      name: command.name.trim(),
      type: command.type,
      municipalityCode: command.municipalityCode ?? null,
    });
    await this.outbox.add(
      EventType.OrganisationCreated,
      { type: 'organisation', id: organisation.id },
      { organisationId: organisation.id, type: organisation.type, municipalityCode: organisation.municipalityCode },
    );
    return toOrganisationView(organisation);
  }
}
