import { Injectable } from '@nestjs/common';
import type { EmployerSupport, MunicipalityCode, WorkplaceAdaptation, WorkplaceOffer } from '@samverkan/contracts';
import type { Cursor } from '@samverkan/platform';
import { InjectActorsTransactionHost, type ActorsTransactionHost } from '../database';
import type { WorkplaceRecord } from '../directory/records';
import type { Workplace } from '../generated/prisma/client';
import { addressColumns } from '../organisations/organisations.repository';

export interface WorkplaceFilter {
  municipalityCode?: MunicipalityCode;
  offer?: WorkplaceOffer;
  adaptation?: WorkplaceAdaptation;
  supportNeeded?: EmployerSupport;
  q?: string;
  organisationId?: string;
  active?: boolean;
  after?: Cursor;
  take: number;
}

export type NewWorkplace = Omit<WorkplaceRecord, 'active' | 'version'>;
export type WorkplaceChanges = Partial<Omit<WorkplaceRecord, 'id' | 'organisationId' | 'employerName' | 'employerOrganisationNumber' | 'version'>>;

function toRecord(row: Workplace): WorkplaceRecord {
  return {
    id: row.id,
    organisationId: row.organisationId,
    employerName: row.employerName,
    employerOrganisationNumber: row.employerOrganisationNumber,
    name: row.name,
    industry: row.industry,
    municipalityCode: row.municipalityCode as MunicipalityCode,
    address: row.street && row.postalCode && row.city ? { street: row.street, postalCode: row.postalCode, city: row.city } : null,
    offers: row.offers as WorkplaceOffer[],
    adaptations: row.adaptations as WorkplaceAdaptation[],
    supportNeeded: row.supportNeeded as EmployerSupport[],
    places: row.places,
    email: row.email,
    phone: row.phone,
    description: row.description,
    active: row.active,
    version: row.version,
  };
}

@Injectable()
export class WorkplacesRepository {
  constructor(@InjectActorsTransactionHost() private readonly txHost: ActorsTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  async findById(id: string): Promise<WorkplaceRecord | null> {
    const row = await this.db.workplace.findUnique({ where: { id } });
    return row ? toRecord(row) : null;
  }

  /** Sorted by name, then id (keyset pagination); `q` finds words in the employer's or workplace's name or industry. */
  async list(filter: WorkplaceFilter): Promise<WorkplaceRecord[]> {
    const trimmed = filter.q?.trim();
    // Prisma hands `contains` to ILIKE as it is: a `%` or `_` typed in the search box would match anything.
    const text = trimmed?.replace(/[\\%_]/g, (character) => `\\${character}`);
    const rows = await this.db.workplace.findMany({
      where: {
        AND: [
          filter.municipalityCode ? { municipalityCode: filter.municipalityCode } : {},
          filter.offer ? { offers: { has: filter.offer } } : {},
          filter.adaptation ? { adaptations: { has: filter.adaptation } } : {},
          filter.supportNeeded ? { supportNeeded: { has: filter.supportNeeded } } : {},
          filter.organisationId ? { organisationId: filter.organisationId } : {},
          filter.active === undefined ? {} : { active: filter.active },
          text
            ? {
                OR: [
                  { employerName: { contains: text, mode: 'insensitive' as const } },
                  { name: { contains: text, mode: 'insensitive' as const } },
                  { industry: { contains: text, mode: 'insensitive' as const } },
                ],
              }
            : {},
          filter.after ? { OR: [{ name: { gt: filter.after.key } }, { name: filter.after.key, id: { gt: filter.after.id } }] } : {},
        ],
      },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      take: filter.take,
    });
    return rows.map(toRecord);
  }

  async create(workplace: NewWorkplace): Promise<WorkplaceRecord> {
    const { address, ...rest } = workplace;
    return toRecord(await this.db.workplace.create({ data: { ...rest, ...addressColumns(address) } }));
  }

  async update(id: string, changes: WorkplaceChanges): Promise<WorkplaceRecord | null> {
    const { address, ...rest } = changes;
    const updated = await this.db.workplace.updateManyAndReturn({
      where: { id },
      data: { ...rest, ...addressColumns(address), version: { increment: 1 }, updatedAt: new Date() },
    });
    return updated[0] ? toRecord(updated[0]) : null;
  }
}
