import { ConflictError, InvalidInputError, NotAllowedError, type DomainError } from '@atrium/errors';
import type { CampaignRefusal } from './campaign-state';

/** The campaign's state does not allow the command now (editing while sending, starting before its time). */
export class CampaignStateConflictError extends ConflictError {}

/** This actor may not give the command (approving one's own campaign, a desk account scheduling). */
export class CampaignActionNotAllowedError extends NotAllowedError {}

/** A value given with the command is wrong (a schedule in the past, a rejection without a reason). */
export class InvalidCampaignCommandError extends InvalidInputError {}

/** The domain error a refusal is thrown as; its code is `campaign.<refusal code>` and it names the field at fault. */
export function campaignRefusalError(refusal: CampaignRefusal): DomainError {
  const code = `campaign.${refusal.code}`;
  switch (refusal.kind) {
    case 'conflict':
      return 'field' in refusal
        ? new CampaignStateConflictError(code, refusal.message, [{ field: refusal.field, message: refusal.message }])
        : new CampaignStateConflictError(code, refusal.message, [], { state: refusal.state });
    case 'not-allowed':
      return new CampaignActionNotAllowedError(code, refusal.message);
    case 'invalid-input':
      return new InvalidCampaignCommandError(code, refusal.message, [{ field: refusal.field, message: refusal.message }]);
  }
}
