/** The limits of one tenant import, from the configuration. */
export class TenantImportSettings {
  constructor(
    readonly maxBytes: number,
    readonly maxRows: number,
  ) {}
}
