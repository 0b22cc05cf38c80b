import { RequestClient } from 'twilio';
// Types only: the SDK's index re-exports the class but not its namespace of option types.
import type SdkRequestClient from 'twilio/lib/base/RequestClient';
import type SdkResponse from 'twilio/lib/http/response';

type RequestClientOptions = SdkRequestClient.RequestClientOptions;
type RequestOptions<TData> = SdkRequestClient.RequestOptions<TData>;

/**
 * The Twilio SDK's own HTTP client, with the origin of every request it makes
 * (https://api.twilio.com, or any other Twilio host the SDK builds) replaced by a configured
 * base URL. Development and tests set it to the local Twilio-compatible endpoint
 * (`TWILIO_API_BASE_URL`, written by scripts/infra); production leaves it unset and the
 * requests go to Twilio unchanged. Path, query, body and authentication are the SDK's own.
 */
export class BaseUrlRequestClient extends RequestClient {
  private readonly base: URL | undefined;

  /**
   * @param baseUrl e.g. http://127.0.0.1:4010 (a path prefix is kept: http://host/twilio);
   *   undefined or empty sends every request where the SDK addresses it.
   */
  constructor(baseUrl: string | undefined, options?: RequestClientOptions) {
    super(options);
    this.base = baseUrl === undefined || baseUrl.trim() === '' ? undefined : parseBaseUrl(baseUrl);
  }

  override request<TData>(options: RequestOptions<TData>): Promise<SdkResponse<TData>> {
    return super.request<TData>({ ...options, uri: this.rewrite(options.uri) });
  }

  /** The URI the request goes to: the SDK's, with the base URL's origin and path prefix. */
  rewrite(uri: string): string {
    if (this.base === undefined) return uri;
    const target = new URL(uri);
    const prefix = this.base.pathname.replace(/\/+$/, '');
    return `${this.base.origin}${prefix}${target.pathname}${target.search}`;
  }
}

function parseBaseUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`Twilio API base URL '${baseUrl}' is not a URL (e.g. http://127.0.0.1:4010)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`Twilio API base URL '${baseUrl}' must be http or https`);
  }
  if (url.search !== '' || url.hash !== '') throw new Error(`Twilio API base URL '${baseUrl}' must not have a query or fragment`);
  return url;
}
