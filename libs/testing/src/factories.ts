import { StaffRole, type ActorContext } from '@samverkan/contracts';
import { randomUUID } from 'node:crypto';

export function anActor(overrides: Partial<ActorContext> = {}): ActorContext {
  return {
    staffId: randomUUID(),
    organisationId: randomUUID(),
    unitId: randomUUID(),
    roles: [StaffRole.Caseworker],
    ...overrides,
  };
}
