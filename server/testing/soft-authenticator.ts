/**
 * A software WebAuthn authenticator for server tests: real P-256 keys, real CBOR and COSE, real
 * ECDSA signatures, producing the JSON a browser's `navigator.credentials` would give
 * SimpleWebAuthn's browser library. It lets the tests forge exactly what attacks need (another
 * origin, a lower counter, no user verification, a tampered signature). The browser journeys use
 * Chromium's own virtual authenticator instead.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isoBase64URL, isoCBOR } from '@simplewebauthn/server/helpers';

const b64url = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString('base64url');
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();

/** authenticatorData flags (WebAuthn §6.1). */
const FLAGS = { UP: 0x01, UV: 0x04, BE: 0x08, BS: 0x10, AT: 0x40 } as const;

export interface CeremonyOptions {
  /** The page origin the browser would report (default http://localhost:5173). */
  origin?: string;
  rpId?: string;
  /** Whether the user was verified (PIN, biometrics). */
  userVerified?: boolean;
  /** Override the signature counter of this assertion. */
  counter?: number;
}

export class SoftAuthenticator {
  readonly credentialId = randomBytes(32);
  private readonly privateKey: KeyObject;
  private readonly cosePublicKey: Uint8Array;
  private counter = 0;

  constructor(
    readonly aaguid = '00000000-0000-0000-0000-000000000000',
    /** Synced (backup eligible and backed up), like a platform passkey. */
    readonly synced = true,
  ) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.privateKey = privateKey;
    const jwk = publicKey.export({ format: 'jwk' });
    // COSE_Key for ES256 (RFC 9053): kty EC2, alg -7, crv P-256, x, y.
    this.cosePublicKey = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, isoBase64URL.toBuffer(jwk.x!)],
        [-3, isoBase64URL.toBuffer(jwk.y!)],
      ]),
    );
  }

  get id(): string {
    return b64url(this.credentialId);
  }

  private authData(rpId: string, flags: number, counter: number, attested?: Uint8Array): Buffer {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(counter);
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), count, ...(attested ? [attested] : [])]);
  }

  private flags(userVerified: boolean): number {
    return FLAGS.UP | (userVerified ? FLAGS.UV : 0) | (this.synced ? FLAGS.BE | FLAGS.BS : 0);
  }

  /** Answers `navigator.credentials.create()` for the given options (RegistrationResponseJSON). */
  register(
    options: { challenge: string },
    { origin = 'http://localhost:5173', rpId = 'localhost', userVerified = true }: CeremonyOptions = {},
  ) {
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(this.credentialId.length);
    const attested = Buffer.concat([
      Buffer.from(this.aaguid.replace(/-/g, ''), 'hex'),
      idLength,
      this.credentialId,
      this.cosePublicKey,
    ]);
    const authData = this.authData(rpId, this.flags(userVerified) | FLAGS.AT, this.counter, attested);
    const attestationObject = isoCBOR.encode(
      new Map<string, unknown>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', authData],
      ]) as never,
    );
    const clientDataJSON = JSON.stringify({
      type: 'webauthn.create',
      challenge: options.challenge,
      origin,
      crossOrigin: false,
    });
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key' as const,
      response: {
        clientDataJSON: b64url(Buffer.from(clientDataJSON)),
        attestationObject: b64url(attestationObject),
        transports: ['internal'],
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform' as const,
    };
  }

  /** Answers `navigator.credentials.get()` (AuthenticationResponseJSON); the counter advances. */
  authenticate(
    options: { challenge: string },
    { origin = 'http://localhost:5173', rpId = 'localhost', userVerified = true, counter }: CeremonyOptions = {},
  ) {
    this.counter = counter ?? this.counter + 1;
    const authData = this.authData(rpId, this.flags(userVerified), this.counter);
    const clientDataJSON = Buffer.from(
      JSON.stringify({ type: 'webauthn.get', challenge: options.challenge, origin, crossOrigin: false }),
    );
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), this.privateKey);
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key' as const,
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform' as const,
    };
  }
}
