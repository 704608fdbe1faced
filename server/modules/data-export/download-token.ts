/**
 * The token of a download link: the user id, the export id and the link's end, sealed with the
 * encryption envelope (AES-256-GCM, so authenticated: a changed bit fails to open) and bound to
 * the export through the associated data, so a token cannot be moved to another export. The link
 * alone is not enough: the download also needs the same user's session (data-export.service.ts).
 */
import { EnvelopeError, type Envelope } from '../../security/envelope';

interface TokenClaims {
  userId: string;
  exportId: string;
  expiresAt: Date;
}

const boundTo = (exportId: string) => `data_export_download:${exportId}`;

export function sealDownloadToken(envelope: Envelope, claims: TokenClaims): string {
  const payload = JSON.stringify({ u: claims.userId, e: claims.exportId, x: claims.expiresAt.getTime() });
  return envelope.seal(payload, boundTo(claims.exportId));
}

/** The claims of a token made for `exportId`, or null when it was not made by us for it. */
export function openDownloadToken(envelope: Envelope, exportId: string, token: string): TokenClaims | null {
  try {
    const { u, e, x } = JSON.parse(envelope.open(token, boundTo(exportId))) as { u: unknown; e: unknown; x: unknown };
    if (typeof u !== 'string' || e !== exportId || typeof x !== 'number') return null;
    return { userId: u, exportId: e, expiresAt: new Date(x) };
  } catch (err) {
    // Anything that does not open — tampered, truncated, another key or export — is just invalid.
    if (err instanceof EnvelopeError || err instanceof SyntaxError) return null;
    throw err;
  }
}
