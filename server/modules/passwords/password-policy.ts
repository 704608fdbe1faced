/**
 * What a new password must be: at least `minLength` characters (counted as the user sees them),
 * at most 256 (argon2 takes any length, but an unbounded body is a cheap way to burn our CPU),
 * not one of the most common passwords, and not the account's own email address.
 */
import { PASSWORD_MAX_LENGTH } from '../../../contract/auth';
import { isCommonPassword } from './common-passwords';

export type PasswordProblem = 'password_too_short' | 'password_too_long' | 'password_too_common';

export function checkNewPassword(
  password: string,
  { minLength, email }: { minLength: number; email?: string },
): PasswordProblem | undefined {
  const length = [...password].length; // code points, so "é" or an emoji counts once
  if (length < minLength) return 'password_too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'password_too_long';
  const lowered = password.trim().toLowerCase();
  if (
    isCommonPassword(password) ||
    (email && (lowered === email.toLowerCase() || lowered === email.split('@')[0]?.toLowerCase()))
  ) {
    return 'password_too_common';
  }
  return undefined;
}
