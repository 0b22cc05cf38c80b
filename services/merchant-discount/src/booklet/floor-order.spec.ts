import { compareFloors } from './floor-order';

describe('floors in the order of the building', () => {
  it('go from the lowest basement up, unknown names last', () => {
    expect(['L2', 'Roof', 'G', 'B1', '3F', 'B2', 'L1', 'Atrium'].sort(compareFloors)).toEqual(['B2', 'B1', 'G', 'L1', 'L2', '3F', 'Atrium', 'Roof']);
  });
});
