import type { IncomingHttpHeaders } from 'node:http';
import type { FakeRoute, RecordedRequest } from './types';

const AZURE_PATH = /^\/openai\/deployments\/([^/]+)\/chat\/completions$/;

/** Which route a path is, and the Azure deployment in it. */
export function routeOf(method: string, path: string): { route: FakeRoute; deployment?: string } {
  if (method !== 'POST') return { route: 'unknown' };
  const azure = AZURE_PATH.exec(path);
  if (azure?.[1]) return { route: 'azure', deployment: decodeURIComponent(azure[1]) };
  if (path === '/v1/chat/completions') return { route: 'openai' };
  return { route: 'unknown' };
}

/** The credential presented, if any: `api-key` wins over a Bearer token, as on Azure. */
export function credentialOf(headers: IncomingHttpHeaders): { auth: RecordedRequest['auth']; value?: string } {
  const apiKey = headers['api-key'];
  if (typeof apiKey === 'string' && apiKey !== '') return { auth: 'api-key', value: apiKey };
  const authorization = headers.authorization;
  const bearer = typeof authorization === 'string' ? /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] : undefined;
  if (bearer) return { auth: 'bearer', value: bearer };
  return { auth: 'none' };
}

/** Header values flattened, credentials replaced (the scheme of Authorization is kept). */
export function redactedHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    if (name === 'api-key') out[name] = '[redacted]';
    else if (name === 'authorization') out[name] = `${text.split(/\s+/)[0] ?? ''} [redacted]`;
    else out[name] = text;
  }
  return out;
}

/** Parse JSON, keeping the raw text when it is not JSON. */
export function parseBody(text: string): { body: unknown; json: boolean } {
  try {
    return { body: JSON.parse(text) as unknown, json: true };
  } catch {
    return { body: text, json: false };
  }
}
