import type {
  AccessibilityFeature,
  EligibilityRule,
  EmployerSupport,
  MunicipalityCode,
  OrganisationType,
  StaffRole,
  SupportNeed,
  TargetGroup,
  WorkplaceAdaptation,
  WorkplaceOffer,
} from '@samverkan/contracts';

/*
 * The directory's records as the repositories hand them to the services: plain data, no Prisma
 * types. Dates of the calendar (a resource's active period) are YYYY-MM-DD strings.
 */

export interface Address {
  street: string;
  postalCode: string;
  city: string;
}

export interface OrganisationRecord {
  id: string;
  name: string;
  type: OrganisationType;
  /** Null only for entries made before the directory kept organisation numbers. */
  organisationNumber: string | null;
  municipalityCodes: MunicipalityCode[];
  description: string | null;
  website: string | null;
  active: boolean;
  /** False for an actor outside the network, whose referral answers the sender records. */
  inNetwork: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface UnitRecord {
  id: string;
  organisationId: string;
  name: string;
  municipalityCode: MunicipalityCode | null;
  email: string | null;
  phone: string | null;
  address: Address | null;
  active: boolean;
  version: number;
}

export interface StaffMemberRecord {
  id: string;
  organisationId: string;
  unitId: string;
  unitName: string;
  displayName: string;
  email: string | null;
  roles: StaffRole[];
  languages: string[];
  competences: string[];
  active: boolean;
  version: number;
}

export interface CompetenceRecord {
  code: string;
  name: string;
  description: string | null;
  addressesNeeds: SupportNeed[];
  targetGroups: TargetGroup[];
}

export interface Capacity {
  places: number;
  taken: number;
  expectedWaitDays: number;
}

export interface SupportResourceRecord {
  id: string;
  organisationId: string;
  unitId: string;
  name: string;
  description: string | null;
  targetGroups: TargetGroup[];
  ageRange: { min: number; max: number };
  municipalityCodes: MunicipalityCode[];
  eligibility: EligibilityRule[];
  accessibility: AccessibilityFeature[];
  addressesNeeds: SupportNeed[];
  languages: string[];
  capacity: Capacity;
  /** YYYY-MM-DD */
  activeFrom: string;
  /** YYYY-MM-DD, the last day; null when it runs until further notice. */
  activeUntil: string | null;
  active: boolean;
  version: number;
  updatedAt: Date;
}

export interface WorkplaceRecord {
  id: string;
  organisationId: string;
  employerName: string;
  employerOrganisationNumber: string;
  name: string;
  industry: string | null;
  municipalityCode: MunicipalityCode;
  address: Address | null;
  offers: WorkplaceOffer[];
  adaptations: WorkplaceAdaptation[];
  supportNeeded: EmployerSupport[];
  places: number;
  email: string | null;
  phone: string | null;
  description: string | null;
  active: boolean;
  version: number;
}
