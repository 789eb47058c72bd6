import { Injectable } from '@nestjs/common';
import { isUniqueViolation } from '@samverkan/messaging';
import type { Cursor } from '@samverkan/platform';
import type { MunicipalityCode, OrganisationType } from '@samverkan/contracts';
import type { Organisation } from '../generated/prisma/client';
import { InjectActorsTransactionHost, type ActorsTransactionHost } from '../database';
import { organisationNameTaken } from './organisations.errors';

export interface OrganisationRecord {
  id: string;
  name: string;
  type: OrganisationType;
  municipalityCode: MunicipalityCode | null;
  createdAt: Date;
}

export interface OrganisationFilter {
  type?: OrganisationType;
  municipalityCode?: MunicipalityCode;
  after?: Cursor;
  take: number;
}

function toRecord(row: Organisation): OrganisationRecord {
  return {
    id: row.id,
    name: row.name,
    type: row.type as OrganisationType,
    municipalityCode: row.municipalityCode as MunicipalityCode | null,
    createdAt: row.createdAt,
  };
}

@Injectable()
export class OrganisationsRepository {
  constructor(@InjectActorsTransactionHost() private readonly txHost: ActorsTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  async findById(id: string): Promise<OrganisationRecord | null> {
    const row = await this.db.organisation.findUnique({ where: { id } });
    return row ? toRecord(row) : null;
  }

  async findByIds(ids: string[]): Promise<OrganisationRecord[]> {
    const rows = await this.db.organisation.findMany({ where: { id: { in: ids } } });
    return rows.map(toRecord);
  }

  /** Sorted by name, then id; `after` continues after the given row (keyset pagination). */
  async list(filter: OrganisationFilter): Promise<OrganisationRecord[]> {
    const rows = await this.db.organisation.findMany({
      where: {
        ...(filter.type ? { type: filter.type } : {}),
        ...(filter.municipalityCode ? { municipalityCode: filter.municipalityCode } : {}),
        ...(filter.after ? { OR: [{ name: { gt: filter.after.key } }, { name: filter.after.key, id: { gt: filter.after.id } }] } : {}),
      },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      take: filter.take,
    });
    return rows.map(toRecord);
  }

  /** Throws ORGANISATION_NAME_TAKEN when the name is in use (the unique index decides). */
  async create(organisation: Omit<OrganisationRecord, 'createdAt'>): Promise<OrganisationRecord> {
    try {
      return toRecord(await this.db.organisation.create({ data: organisation }));
    } catch (error) {
      throw isUniqueViolation(error) ? organisationNameTaken(organisation.name) : error;
    }
  }
}
