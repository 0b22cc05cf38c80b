/** What the feedback is about. */
export const COMPLAINT_CATEGORIES = ['service', 'facilities', 'tenant', 'parking', 'points', 'cleanliness', 'safety', 'event', 'other'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export const COMPLAINT_KINDS = ['complaint', 'suggestion'] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];

/** How the feedback reached the centre. */
export const COMPLAINT_CHANNELS = ['desk', 'phone', 'online', 'wechat', 'email', 'letter', 'other'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

export const COMPLAINT_STATUSES = ['open', 'in-progress', 'resolved', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** One step in a complaint's life: a status change or an assignment, by whom and when. */
export interface ComplaintEvent {
  readonly at: Date;
  readonly by: string;
  readonly action: 'recorded' | 'assigned' | 'status-changed';
  readonly from?: string;
  readonly to?: string;
}

/** A complaint or suggestion (客訴) as the service hands it out: a plain object. */
export interface Complaint {
  readonly id: string;
  readonly kind: ComplaintKind;
  readonly category: ComplaintCategory;
  readonly channel: ComplaintChannel;
  /** The member it came from, when the shopper is one and said so. */
  readonly memberId?: string;
  readonly description: string;
  readonly status: ComplaintStatus;
  /** The staff member (username) who handles it. */
  readonly assignee?: string;
  /** What was done; required to resolve. */
  readonly resolution?: string;
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly updatedAt: Date;
  readonly resolvedAt?: Date;
  readonly closedAt?: Date;
  /** Seconds from recording to (the latest) resolution. */
  readonly timeToResolveSeconds?: number;
  readonly history: readonly ComplaintEvent[];
}
