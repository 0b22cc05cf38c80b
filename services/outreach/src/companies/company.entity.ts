/** A company or office tenant near the centre that the outreach team (睦鄰工作) works with: a plain object. */
export interface Company {
  readonly id: string;
  readonly name: string;
  /** The office building (or street) the company is in, e.g. 環球金融中心 T2. */
  readonly building: string;
  /** Street address, when staff have it. */
  readonly address?: string;
  /** The person the team deals with at the company (personal data: never logged). */
  readonly contactName?: string;
  /** Their phone, in E.164. */
  readonly contactPhone?: string;
  readonly contactEmail?: string;
  readonly createdAt: Date;
  /** Username of the staff member who recorded the company. */
  readonly createdBy: string;
}
