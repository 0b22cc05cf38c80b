import { moreInfoUrl, twilioErrorCode } from './twilio-error-codes';

/** Twilio's error body: what the SDK reads into RestException (code, message, moreInfo, status). */
export interface TwilioErrorBody {
  code: number;
  message: string;
  more_info: string;
  status: number;
  detail?: string;
}

/** A refusal of the REST API, answered with Twilio's error body and the code's HTTP status. */
export class TwilioApiError extends Error {
  readonly status: number;
  /** A longer explanation, as Twilio adds to some errors (20003). */
  readonly detail: string | undefined;

  constructor(
    readonly code: number,
    message: string,
    options: { status?: number; detail?: string } = {},
  ) {
    super(message);
    const known = twilioErrorCode(code);
    if (known === undefined && options.status === undefined) throw new Error(`unknown Twilio error code ${code}`);
    this.status = options.status ?? known?.httpStatus ?? 400;
    this.detail = options.detail;
  }

  body(): TwilioErrorBody {
    const body: TwilioErrorBody = { code: this.code, message: this.message, more_info: moreInfoUrl(this.code), status: this.status };
    if (this.detail !== undefined) body.detail = this.detail;
    return body;
  }
}
