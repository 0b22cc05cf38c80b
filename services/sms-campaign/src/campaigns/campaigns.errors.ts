import { ConflictError, InvalidInputError, NotFoundError, type FieldProblem } from '@atrium/errors';

export class CampaignNotFoundError extends NotFoundError {
  constructor(campaignId: string) {
    super('campaign.not-found', `No campaign ${campaignId}.`, [], { campaignId });
  }
}

/** A campaign's draft refers to what does not exist or does not fit (an unknown segment, a template of the other kind). */
export class InvalidCampaignError extends InvalidInputError {
  constructor(problems: readonly FieldProblem[]) {
    super('campaign.invalid', 'The campaign is not valid (see errors).', problems);
  }
}

/** The template is not approved (or changed since): a campaign is submitted and approved only with an approved template. */
export class CampaignTemplateNotApprovedError extends ConflictError {
  constructor(templateId: string) {
    super('campaign.template-not-approved', `Template ${templateId} is not approved: approve it (another supervisor) before the campaign goes for approval.`, [
      { field: 'templateId', message: 'is not an approved template' },
    ]);
  }
}
