import { repeatedFactor } from './project-learning.service';

describe('repeatedFactor', () => {
  it('names the second assessment of a factor given twice', () => {
    expect(repeatedFactor([{ factor: 'shared_goals' }, { factor: 'other' }, { factor: 'shared_goals' }])).toBe('assessments.2.factor');
  });

  it('finds nothing when each factor is assessed once', () => {
    expect(repeatedFactor([{ factor: 'shared_goals' }, { factor: 'other' }])).toBeNull();
    expect(repeatedFactor([])).toBeNull();
  });
});
