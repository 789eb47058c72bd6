import { IsArray, IsObject, IsString } from 'class-validator';

/**
 * The directory as Open Referral HSDS 3 (Human Services Data Specification) objects, in the
 * specification's own field names: organizations, services, locations (one per unit with an
 * address, one virtual location per remote service), the services at each location, and the
 * addresses, phones, languages, service areas and accessibility that hang off them. Every
 * object carries the fields the HSDS JSON schemas require.
 */
export class HsdsExportView {
  /** The HSDS version the export follows. */
  @IsString()
  version!: string;

  @IsArray()
  @IsObject({ each: true })
  organizations!: Array<Record<string, unknown>>;

  @IsArray()
  @IsObject({ each: true })
  services!: Array<Record<string, unknown>>;

  @IsArray()
  @IsObject({ each: true })
  locations!: Array<Record<string, unknown>>;

  @IsArray()
  @IsObject({ each: true })
  service_at_locations!: Array<Record<string, unknown>>;
}
