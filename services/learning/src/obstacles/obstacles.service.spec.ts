import { ErrorCode, StaffRole, type ObstacleView } from '@samverkan/contracts';
import { Outbox } from '@samverkan/messaging';
import { anActor, automock } from '@samverkan/testing';
import { randomUUID } from 'node:crypto';
import { ProjectLearningService } from '../project-learning/project-learning.service';
import { ProjectsService } from '../projects/projects.service';
import { ObstaclesRepository, type NewObstacle } from './obstacles.repository';
import { ObstaclesService } from './obstacles.service';

// @Transactional needs a CLS context; in unit tests the methods run on their own.
jest.mock('@nestjs-cls/transactional', () => ({
  ...jest.requireActual('@nestjs-cls/transactional'),
  Transactional: () => () => undefined,
}));

function setUp() {
  const obstacles = automock(ObstaclesRepository);
  const projects = automock(ProjectsService);
  const learning = automock(ProjectLearningService);
  const outbox = automock(Outbox);
  obstacles.add.mockImplementation(async (obstacle: NewObstacle): Promise<ObstacleView> => ({
    obstacleId: obstacle.id,
    category: obstacle.category,
    description: obstacle.description,
    municipalityCodes: obstacle.municipalityCodes,
    projectId: obstacle.projectId,
    evidence: obstacle.evidence.map((item) => ({ ...item, evidenceId: item.id, createdAt: new Date().toISOString() })),
    recordedBy: obstacle.recordedBy,
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
  }));
  return { obstacles, projects, learning, outbox, service: new ObstaclesService(obstacles, projects, learning, outbox) };
}

const analyst = anActor({ roles: [StaffRole.Analyst] });

describe('ObstaclesService.recordFromFlow', () => {
  const candidateId = randomUUID();
  const fromFlow = {
    category: 'capacity' as const,
    description: 'Remisser till arbetsträning väntar i över sex veckor.',
    municipalityCodes: ['1885' as const, '1814' as const],
    candidateId,
    summary: 'Väntetiden växte under tre månader i rad.',
  };

  it('records the obstacle with one piece of evidence of the referral flow pointing at the candidate, and announces it', async () => {
    const { service, obstacles, outbox } = setUp();

    const obstacle = await service.recordFromFlow(fromFlow, analyst);

    expect(obstacle).toMatchObject({ category: 'capacity', municipalityCodes: ['1814', '1885'], projectId: null, recordedBy: analyst.staffId });
    expect(obstacle.evidence).toEqual([
      expect.objectContaining({ kind: 'referral_flow', candidateId, projectId: null, lessonId: null, url: null, summary: fromFlow.summary }),
    ]);
    expect(obstacles.add).toHaveBeenCalledTimes(1);
    expect(outbox.add).toHaveBeenCalledWith(
      'learning.events.obstacle.recorded',
      { type: 'obstacle', id: obstacle.obstacleId },
      {
        obstacleId: obstacle.obstacleId,
        category: 'capacity',
        municipalityCodes: ['1814', '1885'],
        projectId: null,
        evidenceKinds: ['referral_flow'],
        candidateId,
      },
    );
  });

  it('refuses staff who are no analysts, and records nothing', async () => {
    const { service, obstacles } = setUp();

    await expect(service.recordFromFlow(fromFlow, anActor({ roles: [StaffRole.Coordinator] }))).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    expect(obstacles.add).not.toHaveBeenCalled();
  });

  it.each([
    ['an unknown category', { category: 'weather' }, 'category'],
    ['a candidate id that is no uuid', { candidateId: 'c-1' }, 'evidence.0.candidateId'],
    ['an empty summary', { summary: '' }, 'evidence.0.summary'],
    ['an unknown municipality', { municipalityCodes: ['0180'] }, 'municipalityCodes'],
  ])('refuses %s, naming the field, and records nothing', async (_what, change, field) => {
    const { service, obstacles } = setUp();

    await expect(service.recordFromFlow({ ...fromFlow, ...change } as typeof fromFlow, analyst)).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      fields: [expect.objectContaining({ field })],
    });
    expect(obstacles.add).not.toHaveBeenCalled();
  });
});

describe('ObstaclesService.record', () => {
  it('lets staff of a project owner record an obstacle of their project only', async () => {
    const { service, projects, obstacles } = setUp();
    const owner = randomUUID();
    const projectId = randomUUID();
    projects.requireProject.mockResolvedValue({ id: projectId, owner: { name: 'Kumla kommun', organisationId: owner } } as never);

    await service.record({ category: 'financing', description: 'D', projectId }, anActor({ organisationId: owner }));
    await expect(service.record({ category: 'financing', description: 'D', projectId }, anActor())).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    await expect(service.record({ category: 'financing', description: 'D' }, anActor({ organisationId: owner }))).rejects.toMatchObject({
      code: ErrorCode.Forbidden,
    });
    expect(obstacles.add).toHaveBeenCalledTimes(1);
  });
});
