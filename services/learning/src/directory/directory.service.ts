import { Injectable } from '@nestjs/common';
import type { SupportResourceStateData, UnitStateData } from '@samverkan/contracts';
import { DirectoryRepository, type KnownSupportResource } from './directory.repository';

/**
 * The directory's units and support resources as statistics need them, kept from actors' events:
 * where support is given (a unit's municipality) and what it addresses (a resource's needs).
 */
@Injectable()
export class DirectoryService {
  constructor(private readonly directory: DirectoryRepository) {}

  /** Runs inside the consumer's transaction, together with the record of the handled event. */
  recordUnit(state: UnitStateData): Promise<void> {
    return this.directory.upsertUnitIfNewer(state);
  }

  /** Runs inside the consumer's transaction, together with the record of the handled event. */
  recordSupportResource(state: SupportResourceStateData): Promise<void> {
    return this.directory.upsertSupportResourceIfNewer(state);
  }

  findSupportResource(resourceId: string): Promise<KnownSupportResource | null> {
    return this.directory.findSupportResource(resourceId);
  }
}
