import type { MemberConfig } from '../config/env.schema';

/** Limits of an import, from the configuration. */
export class ImportSettings {
  constructor(
    /** Largest file, in bytes (IMPORT_MAX_BYTES). */
    readonly maxBytes: number,
    /** Most data rows (IMPORT_MAX_ROWS). */
    readonly maxRows: number,
  ) {}

  static of(config: Pick<MemberConfig, 'IMPORT_MAX_BYTES' | 'IMPORT_MAX_ROWS'>): ImportSettings {
    return new ImportSettings(config.IMPORT_MAX_BYTES, config.IMPORT_MAX_ROWS);
  }
}
