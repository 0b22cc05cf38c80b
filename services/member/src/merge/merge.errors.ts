import { InvalidInputError } from '@atrium/errors';

export class MergeWithItselfError extends InvalidInputError {
  constructor() {
    super('member.merge-with-itself', 'A member cannot be merged into itself.', [{ field: 'duplicateId', message: 'must be another member' }]);
  }
}
