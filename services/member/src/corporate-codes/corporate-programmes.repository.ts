import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKey } from '@atrium/document-batches';
import type { CorporateProgramme } from './corporate-programme.entity';
import { CorporateProgrammeEventInvalidError } from './corporate-code.errors';
import { CORPORATE_PROGRAMME_MODEL, type CorporateProgrammeDocument } from './corporate-programme.schema';

/** What applying an outreach event did: stored the newer state, or nothing (an older or repeated revision). */
export type ApplyOutcome = 'applied' | 'stale';

@Injectable()
export class CorporateProgrammesRepository implements OnModuleInit {
  constructor(@InjectModel(CORPORATE_PROGRAMME_MODEL) private readonly programmes: Model<CorporateProgrammeDocument>) {}

  async onModuleInit(): Promise<void> {
    await this.programmes.syncIndexes();
  }

  /**
   * Stores the programme's state unless the copy holds this revision or a newer one: one
   * conditional upsert (no lock needed; a programme's events arrive in order on its company's
   * partition, and the condition keeps a late or repeated one from winning). An existing copy
   * with a newer revision makes the upsert try an insert of the same id, which the database
   * refuses: that is the stale case.
   */
  async apply(programme: CorporateProgramme): Promise<ApplyOutcome> {
    const { programmeId, validUntil, ...fields } = programme;
    try {
      await this.programmes.updateOne(
        { _id: programmeId, revision: { $lt: programme.revision } },
        validUntil ? { $set: { ...fields, validUntil } } : { $set: fields, $unset: { validUntil: 1 } },
        { upsert: true },
      );
      return 'applied';
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const stored = await this.programmes.findById(programmeId, { revision: 1 }).lean<Pick<CorporateProgrammeDocument, 'revision'>>();
      if (stored && stored.revision >= programme.revision) return 'stale';
      // Not this programme's copy: another programme holds the code (outreach keeps codes unique).
      throw new CorporateProgrammeEventInvalidError('code', `${programme.code} belongs to another programme here`);
    }
  }

  /** The programme with this code in its stored (uppercase) form. */
  async findByCode(code: string): Promise<CorporateProgramme | undefined> {
    const document = await this.programmes.findOne({ code }).lean<CorporateProgrammeDocument>();
    return document ? toProgramme(document) : undefined;
  }
}

function toProgramme(document: CorporateProgrammeDocument): CorporateProgramme {
  return {
    programmeId: document._id,
    code: document.code,
    companyId: document.companyId,
    companyName: document.companyName,
    validFrom: document.validFrom,
    ...(document.validUntil ? { validUntil: document.validUntil } : {}),
    status: document.status,
    revision: document.revision,
    changedAt: document.changedAt,
  };
}
