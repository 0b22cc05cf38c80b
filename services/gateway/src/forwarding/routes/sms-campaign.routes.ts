import type { StaffRole } from '../../staff/staff-role';
import type { RouteAccessRule } from '../route-access.rule';
import { OPERATIONS, SUPERVISORS } from './role-groups';

/** Operations staff, and the desk reading campaigns to answer a member who asks why they got an SMS. */
const CAMPAIGN_READERS: readonly StaffRole[] = [...OPERATIONS, 'desk'];
/** What a campaign cost and achieved: operations and finance. */
const RESULT_READERS: readonly StaffRole[] = [...OPERATIONS, 'finance'];

/**
 * Staff routes of the sms-campaign service (the member SMS platform, 會員短信平臺). Specialists
 * and supervisors run segments, templates and campaigns. Approvals are for supervisors (and
 * admins): the service checks the role again and refuses anyone's own template or campaign
 * (four eyes), which the gateway cannot know. The desk reads campaigns and their recipients,
 * nothing else (segments and templates hold no answer for a member at the desk); finance reads
 * campaigns and their results. Twilio's webhooks do not come through here
 * (webhooks/twilio-webhook.proxy.ts).
 */
export const SMS_CAMPAIGN_ROUTES: readonly RouteAccessRule[] = [
  // Segments: rules over the member projection, a live count and a sample.
  { service: 'sms-campaign', methods: ['GET'], path: '/segments', roles: OPERATIONS },
  { service: 'sms-campaign', methods: ['POST'], path: '/segments', roles: OPERATIONS },
  { service: 'sms-campaign', methods: ['POST'], path: '/segments/preview', roles: OPERATIONS },
  { service: 'sms-campaign', methods: ['GET', 'PUT', 'DELETE'], path: '/segments/:segmentId', roles: OPERATIONS },
  // Templates: written by operations, approved by a supervisor who did not write them.
  { service: 'sms-campaign', methods: ['GET'], path: '/templates', roles: OPERATIONS },
  { service: 'sms-campaign', methods: ['POST'], path: '/templates', roles: OPERATIONS },
  { service: 'sms-campaign', methods: ['POST'], path: '/templates/analyse', roles: OPERATIONS },
  { service: 'sms-campaign', methods: ['GET', 'PUT', 'DELETE'], path: '/templates/:templateId', roles: OPERATIONS },
  { service: 'sms-campaign', methods: ['POST'], path: '/templates/:templateId/preview', roles: OPERATIONS },
  { service: 'sms-campaign', methods: ['POST'], path: '/templates/:templateId/approve', roles: SUPERVISORS },
  // Campaigns: drafted, submitted, scheduled, sent and stopped by operations; approved or
  // rejected by a supervisor who neither wrote nor submitted them.
  { service: 'sms-campaign', methods: ['GET'], path: '/campaigns', roles: [...new Set([...CAMPAIGN_READERS, ...RESULT_READERS])] },
  { service: 'sms-campaign', methods: ['POST'], path: '/campaigns', roles: OPERATIONS },
  { service: 'sms-campaign', methods: ['GET'], path: '/campaigns/:campaignId', roles: [...new Set([...CAMPAIGN_READERS, ...RESULT_READERS])] },
  { service: 'sms-campaign', methods: ['PUT'], path: '/campaigns/:campaignId', roles: OPERATIONS },
  { service: 'sms-campaign', methods: ['POST'], path: '/campaigns/:campaignId/submit', roles: OPERATIONS },
  { service: 'sms-campaign', methods: ['POST'], path: '/campaigns/:campaignId/withdraw', roles: OPERATIONS },
  { service: 'sms-campaign', methods: ['POST'], path: '/campaigns/:campaignId/approve', roles: SUPERVISORS },
  { service: 'sms-campaign', methods: ['POST'], path: '/campaigns/:campaignId/reject', roles: SUPERVISORS },
  { service: 'sms-campaign', methods: ['POST'], path: '/campaigns/:campaignId/schedule', roles: OPERATIONS },
  { service: 'sms-campaign', methods: ['POST'], path: '/campaigns/:campaignId/unschedule', roles: OPERATIONS },
  { service: 'sms-campaign', methods: ['POST'], path: '/campaigns/:campaignId/send-now', roles: OPERATIONS },
  { service: 'sms-campaign', methods: ['POST'], path: '/campaigns/:campaignId/pause', roles: OPERATIONS },
  { service: 'sms-campaign', methods: ['POST'], path: '/campaigns/:campaignId/resume', roles: OPERATIONS },
  { service: 'sms-campaign', methods: ['POST'], path: '/campaigns/:campaignId/cancel', roles: OPERATIONS },
  { service: 'sms-campaign', methods: ['POST'], path: '/campaigns/:campaignId/test-send', roles: OPERATIONS },
  { service: 'sms-campaign', methods: ['GET'], path: '/campaigns/:campaignId/estimate', roles: RESULT_READERS },
  { service: 'sms-campaign', methods: ['GET'], path: '/campaigns/:campaignId/results', roles: RESULT_READERS },
  { service: 'sms-campaign', methods: ['GET'], path: '/campaigns/:campaignId/recipients', roles: [...OPERATIONS, 'desk'] },
];
