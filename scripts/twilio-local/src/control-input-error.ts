/** A request to the control API (/_local/...) that cannot be done; answered 400 naming the field. */
export class ControlInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
