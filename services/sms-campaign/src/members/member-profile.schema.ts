import { Schema } from 'mongoose';
import { CARD_STATES, MEMBER_LANGUAGES, REGISTRATION_CHANNELS } from './member-profile.entity';
import type { ProjectedMember } from './member-projection';

export const MEMBER_PROFILE_MODEL = 'MemberProfile';

/**
 * One member of the projection, keyed by member id: the MemberProfile fields at the paths the
 * segment translator queries, and the projection's bookkeeping. Written whole (replaceOne)
 * under the member's lock. Private to MemberProfilesRepository.
 */
export type MemberProfileDocument = ProjectedMember & { _id: string };

const birthdaySchema = new Schema({ month: Number, day: Number, year: Number }, { _id: false });
const consentSchema = new Schema({ granted: { type: Boolean, required: true }, at: Date }, { _id: false });
const topicPositionSchema = new Schema({ partition: { type: Number, required: true }, offset: { type: String, required: true } }, { _id: false });
const notificationsSchema = new Schema({ pointsEarned: { type: Boolean, required: true } }, { _id: false });

export const memberProfileSchema = new Schema<MemberProfileDocument>(
  {
    _id: { type: String, required: true },
    registered: { type: Boolean, required: true },
    erased: { type: Boolean, required: true },
    erasedAt: Date,
    name: String,
    phone: String,
    language: { type: String, enum: MEMBER_LANGUAGES },
    tier: String,
    tierChangedAt: Date,
    birthday: birthdaySchema,
    registeredAt: Date,
    registrationChannel: { type: String, enum: REGISTRATION_CHANNELS },
    companyCode: String,
    tags: { type: [String], default: undefined },
    marketingConsent: consentSchema,
    smsOptedOut: Boolean,
    smsOptedOutAt: Date,
    cardState: { type: String, enum: CARD_STATES },
    pointsBalance: Number,
    balanceSource: topicPositionSchema,
    lastPurchaseAt: Date,
    spendLast12MonthsMinor: Number,
    phoneInvalid: Boolean,
    notifications: notificationsSchema,
    notificationsChangedAt: Date,
    cardNumber: String,
    cardChangedAt: Date,
    profileChangedAt: Date,
    smsOptedInAt: Date,
    spendByMonth: { type: Schema.Types.Mixed },
    spendMonth: String,
    recentPointsEvents: { type: [String], default: undefined },
  },
  { collection: 'member_profiles', versionKey: false, minimize: false },
);

// Replies and transactional messages find a member by phone; segments mostly select on these.
memberProfileSchema.index({ phone: 1 });
memberProfileSchema.index({ tier: 1 });
memberProfileSchema.index({ pointsBalance: 1 });
memberProfileSchema.index({ 'birthday.month': 1 });
memberProfileSchema.index({ tags: 1 });
memberProfileSchema.index({ lastPurchaseAt: 1 });
// The spend-window job looks for members whose 12-month figure was worked out in an earlier month.
memberProfileSchema.index({ spendMonth: 1 });
