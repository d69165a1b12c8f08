import type { StepPreview } from '../../engine/catalogue';
import { isRef } from '../../engine/refs';
import { display } from '../common/display';

const CONFLICT: Readonly<Record<string, string>> = {
  fail: "Stop: don't overwrite or duplicate",
  replace: 'Replace the existing file',
  rename: 'Keep both: save this one as "name 1"',
};

/** The card preview of files.create: exactly which file, where, in which format, and what it says. */
export function describeCreate(input: Record<string, unknown>): StepPreview {
  const path = display(input.path);
  const parts = path.split('/');
  const name = parts.pop() ?? path;
  const folder = parts.length ? `OneDrive › ${parts.join(' › ')}` : 'OneDrive (top level)';
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const format = ext === 'docx' ? 'Word document (.docx)' : ext === 'md' ? 'Markdown (.md)' : 'Plain text (.txt)';
  const conflict = display(input.conflictBehavior ?? 'fail');
  return {
    title: `Save "${name}" to your OneDrive`,
    target: `${folder} › ${name}`,
    reads: isRef(input.content)
      ? `The text produced ${display(input.content)}`
      : 'Nothing: the file contains the text below',
    fields: [
      { label: 'File', value: name },
      { label: 'Folder', value: folder },
      { label: 'Format', value: format },
      { label: 'If the name is taken', value: CONFLICT[conflict] ?? conflict },
      { label: 'Content', value: display(input.content) },
    ],
  };
}
