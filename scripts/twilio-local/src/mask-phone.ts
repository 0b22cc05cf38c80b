/**
 * "+85291234567" -> "+85*****4567": the endpoint's log never shows a whole number.
 *
 * The same rule as maskPhone of @atrium/observability, kept here because scripts/infra starts
 * this endpoint before the workspaces are built (the libs' dist/ may not exist yet), so it
 * imports nothing of the project's own.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 8) return phone;
  const prefix = phone.startsWith('+') ? `+${digits.slice(0, 2)}` : '';
  const hidden = digits.length - 4 - (prefix ? 2 : 0);
  return `${prefix}${'*'.repeat(Math.max(hidden, 0))}${digits.slice(-4)}`;
}
