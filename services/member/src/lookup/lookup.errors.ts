import { InvalidInputError } from '@atrium/errors';

/** A look-up says exactly one thing to look by. */
export class LookupCriterionError extends InvalidInputError {
  constructor(given: readonly string[]) {
    const fields = given.length > 0 ? given : ['phone', 'card', 'name'];
    super(
      'member.lookup-criterion',
      'Look a member up by exactly one of phone, card or name.',
      fields.map((field) => ({ field, message: 'give exactly one of phone, card or name' })),
    );
  }
}

export class NameKeyEmptyError extends InvalidInputError {
  constructor() {
    super('member.lookup-name-empty', 'The name has no letters to look up by.', [{ field: 'name', message: 'must contain a letter or digit' }]);
  }
}
