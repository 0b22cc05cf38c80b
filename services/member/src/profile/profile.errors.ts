import { InvalidInputError } from '@atrium/errors';

export class NothingToChangeError extends InvalidInputError {
  constructor(fields: readonly string[]) {
    super('member.nothing-to-change', 'The update names no field to change.', [{ field: 'body', message: `must name at least one of ${fields.join(', ')}` }]);
  }
}

export class BlankNameError extends InvalidInputError {
  constructor() {
    super('member.name-blank', 'A member needs a name.', [{ field: 'name', message: 'must not be blank' }]);
  }
}

export class BlankEntryError extends InvalidInputError {
  constructor(field: string) {
    super('member.blank-entry', `${field} has a blank entry.`, [{ field, message: 'must not contain blank entries' }]);
  }
}
