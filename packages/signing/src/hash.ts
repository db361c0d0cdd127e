import { md5 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** The hashes the server accepts in the `algorithm` header; `md5` is the default. */
export type SignatureAlgorithm = 'md5' | 'sha256';
export const SIGNATURE_ALGORITHMS: readonly SignatureAlgorithm[] = ['md5', 'sha256'];

/** `native` uses the runtime's own hash when it has one (Node, Bun, Deno), `portable` always the pure-JS one. */
export type HashImplementation = 'auto' | 'native' | 'portable';

interface NativeHash {
  update(data: Uint8Array | string): NativeHash;
  digest(encoding: 'hex'): string;
}
interface NativeCrypto {
  createHash(algorithm: string): NativeHash;
}

// `process.getBuiltinModule` reaches node:crypto without an import, so bundles for browsers and edge runtimes
// carry no Node built-in; where it is missing, the pure-JS hashes of @noble/hashes take over (WebCrypto has no
// MD5, and its digest is asynchronous).
const nativeCrypto: NativeCrypto | undefined = (() => {
  try {
    const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const mod = proc?.getBuiltinModule?.('node:crypto') as NativeCrypto | undefined;
    return typeof mod?.createHash === 'function' ? mod : undefined;
  } catch {
    return undefined;
  }
})();

/** Whether this runtime offers a native hash. */
export const hasNativeHash = nativeCrypto !== undefined;

const utf8 = new TextEncoder();

/** Lowercase hex digest of the concatenation of `parts` (strings are hashed as their UTF-8 bytes). */
export function hexDigest(
  algorithm: SignatureAlgorithm,
  parts: readonly (Uint8Array | string)[],
  implementation: HashImplementation = 'auto',
): string {
  if (implementation !== 'portable' && nativeCrypto) {
    const hash = nativeCrypto.createHash(algorithm);
    for (const part of parts) hash.update(part);
    return hash.digest('hex');
  }
  if (implementation === 'native') throw new Error('This runtime has no native hash.');
  const hash = algorithm === 'md5' ? md5.create() : sha256.create();
  for (const part of parts) hash.update(typeof part === 'string' ? utf8.encode(part) : part);
  return bytesToHex(hash.digest());
}
