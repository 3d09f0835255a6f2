import { createHash, createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';

/** 16 bytes: 128 bits, 22 base64url characters; a link stays under 60 characters with a short host. */
const TOKEN_BYTES = 16;

/**
 * Personal-link tokens: an HMAC of the invitation id and its generation with a key of
 * their own derived from the app secret. Nothing secret is stored: links can be exported
 * again from the id, and the database keeps only a SHA-256 of each token to find it.
 */
export class LinkTokens {
  /** A KeyObject: handing createHmac raw bytes makes it import the key again on every call. */
  private readonly key: KeyObject;

  constructor(appSecret: string) {
    this.key = createSecretKey(createHmac('sha256', appSecret).update('invitation-link').digest());
  }

  tokenFor(invitationId: string, generation: number): string {
    return createHmac('sha256', this.key).update(`${invitationId}:${generation}`).digest().subarray(0, TOKEN_BYTES).toString('base64url');
  }

  static hash(token: string): Buffer {
    return createHash('sha256').update(token).digest();
  }

  /** Whether `token` is the current one of this invitation, compared in constant time. */
  matches(token: string, invitationId: string, generation: number): boolean {
    const expected = Buffer.from(this.tokenFor(invitationId, generation));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  static looksLikeToken(token: string): boolean {
    return /^[A-Za-z0-9_-]{22}$/.test(token);
  }
}
