import { z } from 'zod';

/**
 * What an inbound Bot Framework activity must look like before any SDK code sees it. The
 * fields Delegate or botbuilder read are typed; anything else passes through untouched. A
 * failure names the paths at fault (never the values), for one warn line.
 */

/** No control characters (NUL, line breaks…) in ids: they end up in keys, logs and URLs. */
const id = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'control characters');

const optionalId = (max: number) => id(max).optional();

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Where replies go: https, or http to this machine (the Agents Playground, tests). */
const serviceUrl = z
  .string()
  .max(2048)
  .refine((value) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return false;
    }
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  }, 'not an https URL');

const account = z.looseObject({
  id: id(500),
  name: z.string().max(500).optional(),
  aadObjectId: optionalId(100),
  role: z.string().max(50).optional(),
});

const conversation = z.looseObject({
  id: id(1000),
  conversationType: z.string().max(50).optional(),
  tenantId: optionalId(100),
  isGroup: z.boolean().optional(),
  name: z.string().max(1000).optional(),
});

const entity = z.looseObject({ type: z.string().max(200) });

/** An Action.Execute click, as the `adaptiveCard/action` invoke carries it. */
const adaptiveCardAction = z.looseObject({
  action: z.looseObject({
    type: z.string().max(100),
    verb: z.string().min(1).max(200),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
  trigger: z.string().max(50).optional(),
});

const activity = z.looseObject({
  type: z.string().regex(/^[A-Za-z]{1,50}$/, 'not an activity type'),
  id: optionalId(500),
  serviceUrl,
  channelId: id(100),
  from: account,
  recipient: account.optional(),
  conversation,
  text: z.string().max(100_000).optional(),
  textFormat: z.string().max(20).optional(),
  entities: z.array(entity).max(200).optional(),
  attachments: z
    .array(z.looseObject({ contentType: z.string().max(500) }))
    .max(50)
    .optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
  name: z.string().max(200).optional(),
  replyToId: optionalId(500),
  locale: z.string().max(50).optional(),
  localTimezone: z.string().max(100).optional(),
  timestamp: z.string().max(100).optional(),
  localTimestamp: z.string().max(100).optional(),
  value: z.unknown().optional(),
});

/** An activity that passed the schema (a loose object: unknown fields kept). */
export type InboundActivity = z.infer<typeof activity>;

/** The activity, or the paths that are wrong with it. */
export type Validated =
  | { readonly ok: true; readonly activity: InboundActivity }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Validate an inbound activity (already parsed from JSON). */
export function validateActivity(body: unknown): Validated {
  const parsed = activity.safeParse(body);
  if (!parsed.success) return { ok: false, problems: issues(parsed.error) };
  const a = parsed.data;
  if (a.type === 'invoke' && a.name === 'adaptiveCard/action') {
    const value = adaptiveCardAction.safeParse(a.value);
    if (!value.success) return { ok: false, problems: issues(value.error, 'value') };
  } else if (a.value !== undefined && a.type === 'invoke' && (typeof a.value !== 'object' || a.value === null)) {
    return { ok: false, problems: ['value: not an object'] };
  }
  return { ok: true, activity: a };
}

function issues(error: z.ZodError, prefix?: string): string[] {
  return error.issues.slice(0, 10).map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((p) => p !== undefined && p !== '').join('.');
    return `${path || '(activity)'}: ${issue.code}`;
  });
}
