import { describeMail } from '../../extract/describe-mail';
import { ok, refuse, type Result } from '../../result';
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

const VERB = /^(?:please\s+)?(?:save|store|put|write|file|keep|export|drop|turn|make|convert)\s+/i;
const TO_DRIVE = /\s+(?:to|in|into|on)\s+(?:my\s+|our\s+)?(?:onedrive|one\s+drive|sharepoint|drive)\b/i;
const AS_NAME = /\s+(?:as|called|named)\s+["“']?(.+?)["”']?\s*$/i;
const AS_KIND =
  /^an?\s+(word\s+|text\s+|markdown\s+|\.?(?:docx|txt|md)\s+)?(?:document|doc|file)$|^(markdown|text|plain\s+text)$/i;
const INVALID = /["*:<>?/\\|]/g;
/** "as a Word document", "in a doc", "into a .docx file": where the summary goes, and in which format. */
const AS_DOCUMENT =
  /\s+(?:as|in|into|to)\s+(?:an?\s+|the\s+)?(?:new\s+)?(?:(word|text|markdown|plain\s+text|pdf|excel|powerpoint|\.?docx|\.?txt|\.?md|\.?pdf|\.?xlsx|\.?pptx)\s*)?(document|doc|file|spreadsheet|sheet|deck|presentation|pdf)\b/i;
/** "create a Word document with a summary of …": the document first. */
const DOCUMENT_FIRST =
  /^(?:please\s+)?(?:create|make|write|start|produce|prepare|put\s+together)\s+(?:an?\s+)?(?:new\s+)?(?:(word|text|markdown|pdf|excel|powerpoint)\s+)?(document|doc|file|spreadsheet|deck|presentation)\s+(?:with|containing|of|that\s+(?:has|contains|summari[sz]es))\s+/i;
/** Formats Delegate cannot write: said, never silently swapped for another. */
const UNSUPPORTED = /pdf|excel|xlsx|spreadsheet|sheet|powerpoint|pptx|deck|presentation/i;

export function cannotWriteFormat(format: string): string {
  return `I understood you want the summary saved "as ${format}", but I can only create Word (.docx), Markdown (.md) or text (.txt) documents. Say "as a Word document" (or Markdown, or text) instead.`;
}

/** The summary request inside "save … as a Word document" / "create a document with …", and its format. */
function documentRequest(text: string): { rest: string; format?: string; unsupported?: string } | undefined {
  const first = DOCUMENT_FIRST.exec(text);
  if (first) {
    const kind = `${first[1] ?? ''} ${first[2] ?? ''}`.trim();
    if (UNSUPPORTED.test(kind)) return { rest: '', unsupported: kind };
    return { rest: `summarise ${text.slice(first[0].length).replace(SUMMARY_LEAD, '')}`, format: kind };
  }
  const verb = VERB.exec(text);
  const as = AS_DOCUMENT.exec(text);
  if (!verb || !as) return undefined;
  const kind = `${as[1] ?? ''} ${as[2] ?? ''}`.trim();
  if (UNSUPPORTED.test(kind)) return { rest: '', unsupported: `a ${kind}` };
  return { rest: text.slice(verb[0].length, as.index) + text.slice(as.index + as[0].length), format: kind };
}

const SUMMARY_LEAD =
  /^(?:a|an|the)\s+(?:short\s+|quick\s+|brief\s+)?(?:summary|recap|digest|overview|round-?up|rundown)\s+(?:of\s+)?/i;

function formatOf(hint: string): SaveSummarySpec['format'] {
  if (/markdown|\bmd\b/i.test(hint)) return 'md';
  if (/text|txt/i.test(hint)) return 'txt';
  return 'docx';
}

export const saveSummary = domainIntent<SaveSummarySpec>({
  name: 'files.saveSummary',
  finds: 'file',
  parse(clause, now) {
    const text = clause.trim().replace(/[.!]+$/, '');
    if (!SUMMARY_WORD.test(text.toLowerCase())) return undefined;
    let name: string | undefined;
    let format: SaveSummarySpec['format'] = 'docx';
    if (!TO_DRIVE.test(text)) {
      const asked = documentRequest(text);
      if (!asked) return undefined;
      if (asked.unsupported) return refuse(cannotWriteFormat(asked.unsupported));
      const summary = parseSummary(asked.rest.replace(/\s+/g, ' ').trim(), now);
      if (!summary) return undefined;
      if (!summary.ok) return summary;
      return ok({ summary: { ...summary.value, destinations: [] }, format: formatOf(asked.format ?? '') });
    }
    const verb = VERB.exec(text);
    if (!verb) return undefined;
    let rest = text.slice(verb[0].length);
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
