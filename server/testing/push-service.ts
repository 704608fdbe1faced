/**
 * A push service for tests (RFC 8030), on an ephemeral loopback port: it hands out subscriptions
 * the way a browser's push service would — the browser's side, a P-256 key pair and a 16-byte
 * auth secret, is made here like a browser makes it — and accepts acct's push requests to them.
 * Each request must carry a valid VAPID JWT (RFC 8292: ES256, signed with the key in `k=`,
 * `aud` this service's origin, `exp` within 24 hours) and an aes128gcm body (RFC 8291), which it
 * decrypts with the subscription's private key, written here with node:crypto alone so that it
 * checks acct's encryption independently of the library that produced it.
 */
import { createECDH, createDecipheriv, hkdfSync, randomBytes, randomUUID, type ECDH } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { importJWK, jwtVerify } from 'jose';

/** What a browser posts to acct: `PushSubscription.toJSON()`. */
export interface BrowserSubscription {
  endpoint: string;
  expirationTime: null;
  keys: { p256dh: string; auth: string };
}

export interface ReceivedPush {
  subscriptionId: string;
  /** The answer given. */
  status: number;
  /** The decrypted payload (UTF-8), when the request was valid. */
  payload?: string;
  /** Why it was refused (an invalid VAPID token or body), when it was. */
  refusal?: string;
  /** The VAPID public key the request named (`k=`). */
  vapidKey?: string;
  headers: IncomingMessage['headers'];
}

interface Subscriber {
  ecdh: ECDH;
  auth: Buffer;
}

const b64url = (buffer: Buffer) => buffer.toString('base64url');

/** HKDF-SHA-256 as RFC 8291 uses it. */
const hkdf = (salt: Buffer, ikm: Buffer, info: Buffer, length: number) =>
  Buffer.from(hkdfSync('sha256', ikm, salt, info, length));

/** RFC 8291 §3.4 and RFC 8188: one aes128gcm record, decrypted with the browser's keys. */
export function decryptAes128gcm(body: Buffer, subscriber: Subscriber): string {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20]!;
  const serverPublicKey = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  if (idLength !== 65) throw new Error(`keyid is ${idLength} bytes, not an uncompressed P-256 point`);
  if (ciphertext.length > recordSize) throw new Error('more than one record');
  const userPublicKey = subscriber.ecdh.getPublicKey();
  const ecdhSecret = subscriber.ecdh.computeSecret(serverPublicKey);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), userPublicKey, serverPublicKey]);
  const ikm = hkdf(subscriber.auth, ecdhSecret, keyInfo, 32);
  const cek = hkdf(salt, ikm, Buffer.from('Content-Encoding: aes128gcm\0'), 16);
  const nonce = hkdf(salt, ikm, Buffer.from('Content-Encoding: nonce\0'), 12);
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error('the last record does not end with the delimiter 0x02');
  return padded.subarray(0, end).toString('utf8');
}

/** Checks the `Authorization: vapid t=…, k=…` header (RFC 8292 §3); throws with the reason. */
async function verifyVapid(header: string | undefined, origin: string): Promise<string> {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? '');
  if (!match) throw new Error(`no VAPID authorization: ${header}`);
  const [, token, key] = match as unknown as [string, string, string];
  const point = Buffer.from(key, 'base64url');
  if (point.length !== 65 || point[0] !== 4) throw new Error('k is not an uncompressed P-256 point');
  const publicKey = await importJWK(
    { kty: 'EC', crv: 'P-256', x: b64url(point.subarray(1, 33)), y: b64url(point.subarray(33)) },
    'ES256',
  );
  const { payload } = await jwtVerify(token, publicKey, { algorithms: ['ES256'], audience: origin });
  if (typeof payload.exp !== 'number') throw new Error('no exp');
  if (payload.exp > Date.now() / 1000 + 24 * 3600) throw new Error('exp more than 24 hours ahead');
  if (typeof payload.sub !== 'string' || !/^(mailto:|https:)/.test(payload.sub)) throw new Error('bad sub');
  return key;
}

const readBody = async (req: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

export class TestPushService {
  readonly received: ReceivedPush[] = [];
  private readonly subscribers = new Map<string, Subscriber>();
  /** Answers for the next requests, in order (then 201 Created). */
  private readonly scripted: number[] = [];

  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

  static async start(): Promise<TestPushService> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const service = new TestPushService(server, `http://127.0.0.1:${port}`);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      void service.handle(req).then((status) => res.writeHead(status).end());
    });
    return service;
  }

  /** A new browser subscription, as `PushManager.subscribe()` would hand it to the page. */
  subscribe(): BrowserSubscription {
    const id = randomUUID();
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const auth = randomBytes(16);
    this.subscribers.set(id, { ecdh, auth });
    return {
      endpoint: `${this.origin}/push/${id}`,
      expirationTime: null,
      keys: { p256dh: b64url(ecdh.getPublicKey()), auth: b64url(auth) },
    };
  }

  /** The next requests are answered with these statuses (e.g. 500, or 410 for an expired subscription). */
  answerNext(...statuses: number[]): void {
    this.scripted.push(...statuses);
  }

  /** What was received for one subscription. */
  receivedBy(subscription: BrowserSubscription): ReceivedPush[] {
    const id = subscription.endpoint.split('/').pop();
    return this.received.filter((r) => r.subscriptionId === id);
  }

  private async handle(req: IncomingMessage): Promise<number> {
    const subscriptionId = /^\/push\/([0-9a-f-]{36})$/.exec(req.url ?? '')?.[1] ?? '';
    const body = await readBody(req);
    const record: ReceivedPush = { subscriptionId, status: 201, headers: req.headers };
    this.received.push(record);
    const subscriber = this.subscribers.get(subscriptionId);
    if (req.method !== 'POST' || !subscriber) return (record.status = 404);
    try {
      record.vapidKey = await verifyVapid(req.headers.authorization, this.origin);
      if (req.headers['content-encoding'] !== 'aes128gcm') throw new Error('not aes128gcm');
      if (!req.headers.ttl) throw new Error('no TTL');
      record.payload = decryptAes128gcm(body, subscriber);
    } catch (error) {
      record.refusal = (error as Error).message;
      return (record.status = 400);
    }
    record.status = this.scripted.shift() ?? 201;
    return record.status;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }
}
