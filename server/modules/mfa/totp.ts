/**
 * TOTP (RFC 6238) through `otpauth`: SHA-1, six digits, 30-second steps — what every authenticator
 * app reads from an `otpauth://` URI — with one step of clock drift either way. `acceptedStep`
 * answers which time step a code belongs to, so that the caller can refuse that step and every
 * earlier one from then on (a code works once: docs/security.md M2). The QR code is drawn here as
 * SVG (`qrcode`), so the secret never leaves the server for a third-party QR service.
 */
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps of clock drift accepted either side of the server's current step. */
export const TOTP_DRIFT_STEPS = 1;

function totpOf(secretBase32: string, labels: { issuer: string; account: string }, digits = TOTP_DIGITS): TOTP {
  return new TOTP({
    issuer: labels.issuer,
    label: labels.account,
    algorithm: 'SHA1',
    digits,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A new secret: 160 random bits (RFC 4226's recommended length), in base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://totp/…` URI an authenticator app reads from the QR code. */
export function totpUri(secretBase32: string, labels: { issuer: string; account: string }): string {
  return totpOf(secretBase32, labels).toString();
}

/** The URI as a QR code, an SVG document. */
export async function qrCodeSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/** The current RFC 6238 time step at `now` (ms since the epoch). */
export function timeStep(now = Date.now()): number {
  return Math.floor(now / 1000 / TOTP_PERIOD_SECONDS);
}

/**
 * The time step `code` is right for, within the drift window around `now`, or null when it is
 * right for none. otpauth compares in constant time.
 */
export function acceptedStep(secretBase32: string, code: string, now = Date.now()): number | null {
  const totp = totpOf(secretBase32, { issuer: 'acct', account: 'acct' });
  const delta = totp.validate({ token: code, timestamp: now, window: TOTP_DRIFT_STEPS });
  return delta === null ? null : timeStep(now) + delta;
}

/** The code of `secretBase32` at `now` (tests compute codes; `digits` 8 for RFC 6238's vectors). */
export function totpCodeAt(secretBase32: string, now = Date.now(), digits = TOTP_DIGITS): string {
  return totpOf(secretBase32, { issuer: 'acct', account: 'acct' }, digits).generate({ timestamp: now });
}
