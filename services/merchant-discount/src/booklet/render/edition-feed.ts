import { createHash } from 'node:crypto';
import type { EditionContent } from '../edition-content';

/** The JSON feed of an edition for the website's member module (schema: the service's OpenAPI document). */
export interface EditionFeed {
  readonly schemaVersion: 1;
  readonly editionNumber: number;
  readonly asOf: string;
  readonly publishedAt: string;
  readonly links: Readonly<Record<string, string>>;
  readonly offers: EditionContent['offers'];
  readonly byCategory: EditionContent['byCategory'];
  readonly byFloor: EditionContent['byFloor'];
}

export function editionFeed(content: EditionContent, editionNumber: number, publishedAt: string, links: Readonly<Record<string, string>>): EditionFeed {
  return { schemaVersion: 1, editionNumber, asOf: content.asOf, publishedAt, links, offers: content.offers, byCategory: content.byCategory, byFloor: content.byFloor };
}

/** A strong ETag of an output's bytes: an edition never changes once published, so neither does its tag. */
export function entityTag(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}
