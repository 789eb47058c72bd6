import type { MunicipalityCode, OrganisationType, StaffRole } from '@samverkan/contracts';
import type { Address, CompetenceRecord, SupportResourceRecord, WorkplaceRecord } from '../directory/records';

/** The demo directory the seeder writes: what `SEED_DEMO_DATA=true` puts in an empty (or older) database. */
export interface DemoDirectory {
  competences: CompetenceRecord[];
  organisations: DemoOrganisation[];
}

export interface DemoOrganisation {
  id: string;
  name: string;
  type: OrganisationType;
  organisationNumber: string;
  municipalityCodes: MunicipalityCode[];
  description: string | null;
  website: string | null;
  /** False for an actor outside the network: referrals go to it, and the sender records its answers. */
  inNetwork: boolean;
  units: DemoUnit[];
  supportResources: DemoSupportResource[];
  workplaces: DemoWorkplace[];
}

export interface DemoUnit {
  id: string;
  name: string;
  municipalityCode: MunicipalityCode | null;
  email: string | null;
  phone: string | null;
  address: Address | null;
  staff: DemoStaffMember[];
}

export interface DemoStaffMember {
  id: string;
  displayName: string;
  email: string | null;
  roles: StaffRole[];
  languages: string[];
  competences: string[];
}

export type DemoSupportResource = Omit<SupportResourceRecord, 'organisationId' | 'active' | 'version' | 'updatedAt'>;

export type DemoWorkplace = Omit<WorkplaceRecord, 'organisationId' | 'active' | 'version'>;
