import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  sign,
  timingSafeEqual,
  verify,
  type KeyObject,
} from 'node:crypto';
import type { LedgerSeal, LedgerSealer } from '../engine/ports';

/** How a ledger key is given in configuration (see src/config.ts): its id, algorithm and base64 material. */
export interface LedgerKeySpec {
  readonly id: string;
  readonly algorithm: 'hmac-sha256' | 'ed25519';
  /**
   * Base64: the HMAC secret (at least 32 bytes), or for Ed25519 a PKCS #8 DER private key
   * (can sign) or an SPKI DER public key (verifies only).
   */
  readonly material: string;
}

type Key =
  | { readonly kind: 'hmac'; readonly secret: Buffer }
  | { readonly kind: 'ed25519'; readonly publicKey: KeyObject; readonly privateKey?: KeyObject };

/** Why a seal does not verify. */
export type SealProblem = 'unknown_key' | 'bad_signature';

/**
 * The text a seal signs: versioned and domain-separated, so a signature made for anything
 * else (another head, another key id, another use of the key) never verifies as a seal.
 */
export function sealText(seq: number, hash: string, keyId: string): Buffer {
  return Buffer.from(`delegate-ledger-head/v1\n${keyId}\n${seq}\n${hash}`, 'utf8');
}

/**
 * The keys that sign and verify the ledger's chain heads: one signing key and any number of
 * retired ones that still verify what they signed (key rotation). The keys live in the
 * configuration (or Key Vault behind it), never in the database the ledger is in.
 */
export class LedgerKeyring {
  private readonly keys = new Map<string, Key>();
  /** The id of the key new seals are signed with; undefined when there is none. */
  readonly signingId: string | undefined;

  constructor(signing: LedgerKeySpec | undefined, retired: readonly LedgerKeySpec[] = []) {
    for (const spec of retired) this.keys.set(spec.id, keyOf(spec));
    if (signing) {
      const key = keyOf(signing);
      if (key.kind === 'ed25519' && !key.privateKey)
        throw new Error(`ledger key ${signing.id}: an Ed25519 signing key must be a PKCS #8 private key`);
      this.keys.set(signing.id, key);
      this.signingId = signing.id;
    }
  }

  /** The key ids this keyring knows. */
  get keyIds(): string[] {
    return [...this.keys.keys()];
  }

  /** A sealer for a store, or undefined without a signing key. */
  sealer(): LedgerSealer | undefined {
    const id = this.signingId;
    if (id === undefined) return undefined;
    const key = this.keys.get(id)!;
    return ({ seq, hash }) => ({ seq, hash, keyId: id, signature: signWith(key, sealText(seq, hash, id)) });
  }

  /** Whether a seal was signed by a key of this keyring over exactly its seq, hash and key id. */
  check(seal: LedgerSeal): SealProblem | undefined {
    const key = this.keys.get(seal.keyId);
    if (!key) return 'unknown_key';
    return verifyWith(key, sealText(seal.seq, seal.hash, seal.keyId), seal.signature) ? undefined : 'bad_signature';
  }
}

function keyOf(spec: LedgerKeySpec): Key {
  const der = Buffer.from(spec.material, 'base64');
  if (spec.algorithm === 'hmac-sha256') {
    if (der.length < 32) throw new Error(`ledger key ${spec.id}: an HMAC-SHA256 key needs at least 32 bytes`);
    return { kind: 'hmac', secret: der };
  }
  try {
    const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('not Ed25519');
    return { kind: 'ed25519', privateKey, publicKey: createPublicKey(privateKey) };
  } catch {
    try {
      const publicKey = createPublicKey({ key: der, format: 'der', type: 'spki' });
      if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error('not Ed25519');
      return { kind: 'ed25519', publicKey };
    } catch {
      throw new Error(`ledger key ${spec.id}: not an Ed25519 key (PKCS #8 or SPKI DER, base64)`);
    }
  }
}

function signWith(key: Key, text: Buffer): string {
  if (key.kind === 'hmac') return createHmac('sha256', key.secret).update(text).digest('base64url');
  return sign(null, text, key.privateKey!).toString('base64url');
}

function verifyWith(key: Key, text: Buffer, signature: string): boolean {
  const given = Buffer.from(signature, 'base64url');
  if (key.kind === 'ed25519') return verify(null, text, key.publicKey, given);
  const expected = createHmac('sha256', key.secret).update(text).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}
