/** What a code proves once the shopper sends it back. */
export type VerificationPurpose = 'sign-up' | 'sign-in';

export const VERIFICATION_PURPOSES: readonly VerificationPurpose[] = ['sign-up', 'sign-in'];

/** Languages a code's SMS can be written in. */
export type MessageLanguage = 'zh-Hans' | 'zh-Hant' | 'en';

export const MESSAGE_LANGUAGES: readonly MessageLanguage[] = ['zh-Hans', 'zh-Hant', 'en'];

/** One issued code, as the member service keeps it (the hash, never the code). */
export interface VerificationCode {
  readonly id: string;
  readonly phone: string;
  readonly purpose: VerificationPurpose;
  readonly codeHash: string;
  /** The member signing in; absent for a sign-up. */
  readonly memberId?: string;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
}

/** The limits on issuing and trying codes, from configuration. */
export interface VerificationSettings {
  readonly defaultRegion: string;
  readonly codeTtlSeconds: number;
  readonly maxAttemptsPerCode: number;
  readonly resendAfterSeconds: number;
  readonly maxCodesPerPhonePerHour: number;
  readonly maxCodesPerAddressPerHour: number;
}
