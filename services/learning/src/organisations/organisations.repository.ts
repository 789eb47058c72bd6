import { Injectable } from '@nestjs/common';
import { OrganisationType, type MunicipalityCode, type OrganisationStateData } from '@samverkan/contracts';
import { InjectLearningTransactionHost, type LearningTransactionHost } from '../database';

/** What learning knows of an organisation: whether it is a municipality, and which it serves. */
export interface KnownOrganisation {
  organisationId: string;
  type: OrganisationType;
  municipalityCodes: MunicipalityCode[];
}

export interface OrganisationName {
  organisationId: string;
  name: string;
}

@Injectable()
export class OrganisationsRepository {
  constructor(@InjectLearningTransactionHost() private readonly txHost: LearningTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  /** Inserts or moves the organisation forward; an older or repeated version changes nothing. */
  async upsertIfNewer(state: OrganisationStateData): Promise<void> {
    await this.db.$executeRaw`
      INSERT INTO organisations (organisation_id, type, municipality_codes, name, active, version, projected_at)
      VALUES (${state.organisationId}::uuid, ${state.type}, ${state.municipalityCodes}::text[], ${state.name}, ${state.active}, ${state.version}, now())
      ON CONFLICT (organisation_id) DO UPDATE SET
        type = EXCLUDED.type,
        name = EXCLUDED.name,
        municipality_codes = EXCLUDED.municipality_codes,
        active = EXCLUDED.active,
        version = EXCLUDED.version,
        projected_at = EXCLUDED.projected_at
      WHERE organisations.version < EXCLUDED.version`;
  }

  async find(organisationId: string): Promise<KnownOrganisation | null> {
    const row = await this.db.organisation.findUnique({ where: { organisationId } });
    return row
      ? { organisationId: row.organisationId, type: row.type as OrganisationType, municipalityCodes: row.municipalityCodes as MunicipalityCode[] }
      : null;
  }

  /** Every organisation whose name is known, active or not: a project page may name one since closed. */
  async names(): Promise<OrganisationName[]> {
    const rows = await this.db.organisation.findMany({
      where: { name: { not: null } },
      select: { organisationId: true, name: true },
      orderBy: { organisationId: 'asc' },
    });
    return rows.map((row) => ({ organisationId: row.organisationId, name: row.name as string }));
  }

  /** The organisations of type municipality that serve the code (a kommun serves its own), active or not. */
  async municipalityOrganisationIds(municipalityCode: MunicipalityCode): Promise<string[]> {
    const rows = await this.db.organisation.findMany({
      where: { type: OrganisationType.Municipality, municipalityCodes: { has: municipalityCode } },
      select: { organisationId: true },
      orderBy: { organisationId: 'asc' },
    });
    return rows.map((row) => row.organisationId);
  }
}
