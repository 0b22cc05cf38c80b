/** Where a request to `/api/<service>/<path>` goes: the service, and the path and query it sees. */
export interface ForwardedUrl {
  readonly service: string;
  /** The path on the service, always starting with "/", still percent-encoded as the client sent it. */
  readonly path: string;
  /** The query string with its "?", or "". */
  readonly search: string;
}

const FORWARDED = /^\/api\/([^/?#]+)(\/[^?#]*)?(\?[^#]*)?/;

/** Splits a request URL (`/api/member/members?x=1`) into service, path and query; undefined outside /api/<name>. */
export function parseForwardedUrl(url: string): ForwardedUrl | undefined {
  const match = FORWARDED.exec(url);
  if (!match) return undefined;
  return { service: match[1], path: match[2] ?? '/', search: match[3] ?? '' };
}
