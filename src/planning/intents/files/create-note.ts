import { ok, refuse, type Result } from '../../result';
import { domainIntent } from '../domain';
import type { Fragment } from '../fragment';
import { unquote } from '../teams/wording';
import { step } from './words';

/** "Create a Word document called Launch notes saying: venue booked", "save a note called ideas.txt with "…"". */
interface NoteFileSpec {
  /** The file name in OneDrive, with its extension. */
  readonly path: string;
  readonly content: string;
}

const KIND =
  '(?:(?:a|an)\\s+)?(?:new\\s+)?(word\\s+document|word\\s+doc|document|doc|text\\s+file|markdown\\s+file|note|file)';
const FORM = new RegExp(
  `^(?:create|make|write|save|start|add|put)\\s+${KIND}\\s+(?:(?:in|on|to)\\s+(?:my\\s+)?(?:onedrive|one\\s+drive)\\s+)?(?:called|named|titled)\\s+(?:"([^"]+)"|'([^']+)'|(.+?))\\s+(?:(?:in|on|to)\\s+(?:my\\s+)?(?:onedrive|one\\s+drive)\\s+)?(?:saying|with|containing|that\\s+says|with\\s+the\\s+text)\\s*:?\\s*(.+)$`,
  'i',
);
const INVALID = /["*:<>?/\\|]/;
const EXTENSION = /\.(?:docx|txt|md)$/i;

/** The file name: as typed when it has an extension Delegate writes, else with the kind's. */
function pathOf(name: string, kind: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '' || INVALID.test(trimmed) || trimmed.length > 200) return undefined;
  if (EXTENSION.test(trimmed)) return trimmed;
  if (/\.\w{2,5}$/.test(trimmed)) return undefined;
  if (/markdown/i.test(kind)) return `${trimmed}.md`;
  if (/text|note/i.test(kind)) return `${trimmed}.txt`;
  return `${trimmed}.docx`;
}

/** A new document in OneDrive with the words given, exactly as said. */
export const createNoteFile = domainIntent<NoteFileSpec>({
  name: 'files.createNote',
  parse(clause) {
    const match = FORM.exec(clause.trim());
    if (!match) return undefined;
    const kind = match[1] ?? '';
    const name = match[2] ?? match[3] ?? match[4] ?? '';
    const path = pathOf(name, kind);
    if (!path)
      return refuse(
        `I can create Word (.docx), Markdown (.md) or text (.txt) documents with a name without ${'"*:<>?/\\|'}: "${name.trim()}" won't do.`,
      );
    const content = unquote(match[5] ?? '');
    if (!content)
      return refuse('What should the document say? For example: "create a document called Notes saying …".');
    return ok({ path, content });
  },
  async build(spec): Promise<Result<Fragment>> {
    return ok({
      title: `Create "${spec.path}" in your OneDrive`,
      steps: [
        step(
          'files.create',
          { path: spec.path, content: spec.content, conflictBehavior: 'rename' },
          `Create ${spec.path} in your OneDrive with the text you gave.`,
        ),
      ],
    });
  },
});
