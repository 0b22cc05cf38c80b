import type { Model, mongo } from 'mongoose';

/**
 * The driver's collection under a mongoose model, typed with the stored document: what the
 * helpers here take. Documents come back as stored (as `.lean()` gives them), without casting.
 */
export function nativeCollection<Stored extends mongo.Document>(model: Model<Stored>): mongo.Collection<Stored> {
  return model.collection as unknown as mongo.Collection<Stored>;
}
