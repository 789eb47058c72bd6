import { randomUUID } from 'node:crypto';
import { StaffRole } from '../vocabulary';
import { audiencesOf, liveNotificationSubject } from './notifications';

describe('the audiences of a staff member', () => {
  const member = (roles: StaffRole[]) => ({ staffId: randomUUID(), unitId: randomUUID(), organisationId: randomUUID(), roles });

  it('are themselves and their unit, whatever their roles', () => {
    const analyst = member([StaffRole.Analyst]);

    expect(audiencesOf(analyst)).toEqual([
      { kind: 'staff', id: analyst.staffId },
      { kind: 'unit', id: analyst.unitId },
    ]);
  });

  it("add the organisation's caseworkers for a caseworker, its coordinators for a coordinator", () => {
    const both = member([StaffRole.Caseworker, StaffRole.Coordinator]);

    expect(audiencesOf(both)).toEqual([
      { kind: 'staff', id: both.staffId },
      { kind: 'unit', id: both.unitId },
      { kind: 'organisation_caseworkers', id: both.organisationId },
      { kind: 'organisation_coordinators', id: both.organisationId },
    ]);
  });

  it("add the unit's and the organisation's managers for a unit manager, once however often the role is named", () => {
    const manager = member([StaffRole.UnitManager, StaffRole.Administrator, StaffRole.UnitManager]);

    expect(audiencesOf(manager)).toEqual([
      { kind: 'staff', id: manager.staffId },
      { kind: 'unit', id: manager.unitId },
      { kind: 'unit_managers', id: manager.unitId },
      { kind: 'organisation_unit_managers', id: manager.organisationId },
    ]);
  });

  it('are announced on a live subject of their own, apart from the streams and requests', () => {
    const unitId = randomUUID();

    expect(liveNotificationSubject({ kind: 'unit_managers', id: unitId })).toBe(`live.notifications.unit_managers.${unitId}`);
  });
});
