import { trimTrailingDots } from './text';

/** Generic top-level domains common enough that `name.tld` is read as a site, not a file name. */
const GENERIC_TLDS = new Set([
  'com',
  'net',
  'org',
  'edu',
  'gov',
  'mil',
  'int',
  'info',
  'biz',
  'io',
  'ai',
  'app',
  'dev',
  'xyz',
  'top',
  'online',
  'site',
  'shop',
  'store',
  'club',
  'live',
  'link',
  'click',
  'cloud',
  'email',
  'tech',
  'pro',
  'name',
  'mobi',
  'page',
  'zip',
  'mov',
  'work',
  'world',
  'today',
  'news',
  'blog',
  'website',
  'space',
  'fun',
  'icu',
  'vip',
  'win',
  'bid',
  'loan',
  'download',
  'review',
  'party',
  'science',
  'support',
  'services',
  'solutions',
  'digital',
  'network',
  'systems',
  'center',
  'company',
  'group',
  'global',
  'agency',
  'media',
  'host',
  'local',
  'corp',
  'internal',
  'lan',
  'home',
  'test',
  'example',
  'invalid',
  'onion',
  'microsoft',
  'office',
]);

/** ISO 3166 country-code top-level domains (plus `eu`, `uk`, `su`, `ac`): `.js` and `.ts` are not among them. */
const COUNTRY_TLDS = new Set(
  (
    'ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz ' +
    'ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj fk ' +
    'fm fo fr ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir ' +
    'is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ' +
    'ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl ' +
    'pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc ' +
    'td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw'
  ).split(' '),
);

const LABEL_CHAR = /[\p{L}\p{N}\-]/u;

/** A host name at the very start of `text`, and where it ends. */
export interface LeadingHost {
  readonly host: string;
  readonly end: number;
  /** The top-level domain is a country code or a well-known generic one. */
  readonly knownTld: boolean;
  /** The top-level domain is a well-known generic one (`.md` or `.py` may as well be a file name). */
  readonly genericTld: boolean;
}

/**
 * Read `label.label…tld` from `start`. Undefined unless there are two labels or more and the last
 * one looks like a top-level domain (letters, or punycode `xn--…`). Runs in time linear in the
 * host's length.
 */
export function leadingHost(text: string, start = 0): LeadingHost | undefined {
  let end = start;
  while (end < text.length) {
    const ch = text[end] as string;
    if (ch !== '.' && !LABEL_CHAR.test(ch)) break;
    end += 1;
  }
  const host = trimTrailingDots(text.slice(start, end));
  const labels = host.split('.');
  if (labels.length < 2 || labels.some((label) => label === '' || label.startsWith('-') || label.endsWith('-')))
    return undefined;
  const tld = (labels[labels.length - 1] as string).toLowerCase();
  const punycode = /^xn--[a-z0-9-]+$/.test(tld);
  if (!punycode && !/^\p{L}{2,63}$/u.test(tld)) return undefined;
  const genericTld = punycode || GENERIC_TLDS.has(tld) || !/^[a-z]+$/.test(tld);
  return { host, end: start + host.length, knownTld: genericTld || COUNTRY_TLDS.has(tld), genericTld };
}
