import { Injectable } from '@nestjs/common';
import type { MunicipalityCode, OrganisationStateData } from '@samverkan/contracts';
import { OrganisationsRepository, type KnownOrganisation, type OrganisationName } from './organisations.repository';

/** The directory's organisations as statistics need them, kept from actors' events. */
@Injectable()
export class OrganisationsService {
  constructor(private readonly organisations: OrganisationsRepository) {}

  /** Runs inside the consumer's transaction, together with the record of the handled event. */
  record(state: OrganisationStateData): Promise<void> {
    return this.organisations.upsertIfNewer(state);
  }

  find(organisationId: string): Promise<KnownOrganisation | null> {
    return this.organisations.find(organisationId);
  }

  /** The names project pages are matched against. */
  names(): Promise<OrganisationName[]> {
    return this.organisations.names();
  }

  municipalityOrganisationIds(municipalityCode: MunicipalityCode): Promise<string[]> {
    return this.organisations.municipalityOrganisationIds(municipalityCode);
  }
}
