import type { DomainError } from '@atrium/errors';
import type { Campaign } from './campaign.entity';
import { transitionCampaign, type CampaignActor, type CampaignCommand, type CampaignLifecycle } from './campaign-state';
import { campaignRefusalError, InvalidCampaignCommandError } from './campaign-state.errors';

/** The fields of a campaign the lifecycle owns: replaced as a whole by each move. */
const LIFECYCLE_FIELDS = ['state', 'createdBy', 'submittedBy', 'approvedBy', 'approvedAt', 'sendAt', 'startedAt', 'endedAt', 'cancelledBy', 'rejection'] as const;

/** Who a history entry names: the staff member, or the service itself. */
export const SYSTEM = 'system';

/**
 * The campaign after `command` (campaign-state decides), with the move in its history, or the
 * refusal thrown as its domain error. `bodyField` renames the field a refusal names to the one
 * the request carried it in (a schedule's `sendAt` arrives as `at`).
 */
export function applyCommand(
  campaign: Campaign,
  command: CampaignCommand,
  actor: CampaignActor,
  now: Date,
  options: { readonly note?: string; readonly bodyField?: Readonly<Record<string, string>> } = {},
): Campaign {
  const lifecycle: CampaignLifecycle = Object.fromEntries(LIFECYCLE_FIELDS.flatMap((field) => (campaign[field] === undefined ? [] : [[field, campaign[field]]]))) as unknown as CampaignLifecycle;
  const transition = transitionCampaign(lifecycle, command, actor, now);
  if (!transition.ok) throw renamed(campaignRefusalError(transition.refusal), options.bodyField ?? {});
  const rest = Object.fromEntries(Object.entries(campaign).filter(([field]) => !(LIFECYCLE_FIELDS as readonly string[]).includes(field)));
  const backToDraft = transition.campaign.state === 'draft' && campaign.state !== 'draft';
  const next = { ...rest, ...transition.campaign } as Campaign;
  return {
    ...next,
    // What was approved is void once the campaign is a draft again.
    ...(backToDraft ? { snapshot: undefined } : {}),
    history: [
      ...campaign.history,
      { command: command.type, state: transition.campaign.state, by: actor.kind === 'staff' ? actor.username : SYSTEM, at: now, ...(options.note ? { note: options.note } : {}) },
    ],
    updatedAt: now,
  };
}

function renamed(error: DomainError, bodyField: Readonly<Record<string, string>>): DomainError {
  if (!(error instanceof InvalidCampaignCommandError) || !error.fields.some((problem) => bodyField[problem.field])) return error;
  return new InvalidCampaignCommandError(
    error.code,
    error.message,
    error.fields.map((problem) => ({ ...problem, field: bodyField[problem.field] ?? problem.field })),
    error.details,
  );
}
