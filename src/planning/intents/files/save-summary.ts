import { describeMail } from '../../extract/describe-mail';
import { ok, type Result } from '../../result';
import { domainIntent } from '../domain';
import type { BuildContext, Fragment } from '../fragment';
import type { SummarySpec } from '../specs';
import { buildSummary } from '../summary-mail';
import { parseSummary, SUMMARY_WORD } from '../summary-parse';
import { step } from './words';

/** "save a summary of my unread mail from Contoso to OneDrive as Contoso summary". */
export interface SaveSummarySpec {
  readonly summary: SummarySpec;
  /** The file name asked for (extension included), or undefined to name it after the mail. */
  readonly name?: string;
  readonly format: 'docx' | 'md' | 'txt';
}

const VERB = /^(?:please\s+)?(?:save|store|put|write|file|keep|export|drop)\s+/i;
const TO_DRIVE = /\s+(?:to|in|into|on)\s+(?:my\s+|our\s+)?(?:onedrive|one\s+drive|sharepoint|drive)\b/i;
const AS_NAME = /\s+(?:as|called|named)\s+["“']?(.+?)["”']?\s*$/i;
const AS_KIND =
  /^an?\s+(word\s+|text\s+|markdown\s+|\.?(?:docx|txt|md)\s+)?(?:document|doc|file)$|^(markdown|text|plain\s+text)$/i;
const INVALID = /["*:<>?/\\|]/g;

function formatOf(hint: string): SaveSummarySpec['format'] {
  if (/markdown|\bmd\b/i.test(hint)) return 'md';
  if (/text|txt/i.test(hint)) return 'txt';
  return 'docx';
}

export const saveSummary = domainIntent<SaveSummarySpec>({
  name: 'files.saveSummary',
  parse(clause, now) {
    const text = clause.trim().replace(/[.!]+$/, '');
    if (!SUMMARY_WORD.test(text.toLowerCase()) || !TO_DRIVE.test(text)) return undefined;
    const verb = VERB.exec(text);
    if (!verb) return undefined;
    let rest = text.slice(verb[0].length);
    let name: string | undefined;
    let format: SaveSummarySpec['format'] = 'docx';
    const as = AS_NAME.exec(rest);
    if (as && as.index > (TO_DRIVE.exec(rest)?.index ?? Infinity)) {
      const asked = (as[1] ?? '').trim();
      if (AS_KIND.test(asked)) format = formatOf(asked);
      else {
        const ext = /\.(docx|md|txt)$/i.exec(asked)?.[1]?.toLowerCase();
        if (ext === 'docx' || ext === 'md' || ext === 'txt') format = ext;
        name =
          asked
            .replace(/\.(docx|md|txt)$/i, '')
            .replace(INVALID, ' ')
            .replace(/\s+/g, ' ')
            .trim() || undefined;
      }
      rest = rest.slice(0, as.index);
    }
    rest = rest.replace(TO_DRIVE, ' ').replace(/\s+/g, ' ').trim();
    const summary = parseSummary(rest, now);
    if (!summary) return undefined;
    if (!summary.ok) return summary;
    return ok({ summary: { ...summary.value, destinations: [] }, name, format });
  },
  async build(spec, ctx: BuildContext): Promise<Result<Fragment>> {
    const made = await buildSummary(spec.summary, ctx);
    if (!made.ok) return made;
    const description = describeMail(spec.summary.filter);
    const stem = (spec.name ?? `Summary of ${description}`)
      .replace(INVALID, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 120);
    const file = `${stem}.${spec.format}`;
    return ok({
      title: `Save a summary of ${description} to OneDrive as "${file}"`,
      steps: [
        ...made.value.steps,
        step(
          'files.create',
          { path: file, content: { $ref: 's2.summary' }, conflictBehavior: 'rename' },
          `Save the summary in your OneDrive as "${file}".`,
        ),
      ],
    });
  },
});
