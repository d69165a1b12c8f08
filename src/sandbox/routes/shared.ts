import type { RequestContext } from '../context';

/** An `@odata.context` URL under this sandbox's `$metadata`. */
export const metadata = (ctx: RequestContext, fragment: string): string => `${ctx.baseUrl}/$metadata#${fragment}`;

/** The request's `Prefer` header (lower-cased name, as headers are stored). */
export const prefer = (ctx: RequestContext): string | undefined => ctx.headers.prefer;

/** A `{ name, address }` pair from an untrusted recipient-like value, or undefined. */
export function readAddress(value: unknown): { name: string; address: string } | undefined {
  const email = (value as { emailAddress?: { name?: unknown; address?: unknown } } | undefined)?.emailAddress;
  if (!email || typeof email.address !== 'string' || !email.address.includes('@')) return undefined;
  return { name: typeof email.name === 'string' && email.name ? email.name : email.address, address: email.address };
}
