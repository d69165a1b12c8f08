import { FlagList, GUARD_CODES } from './flags';
import type { Tracer } from './tracer';
import { forDisplay } from './text';

/** Words by which a person asks for a link anyone can open. */
const PUBLIC_WORDS = ['anyone', 'anybody', 'anonymous', 'anonymously', 'public', 'publicly', 'everyone outside'];

/** Sharing scopes as Graph's createLink names them, with the spellings people use. */
function scopeOf(value: string): string {
  const scope =
    value
      .trim()
      .toLowerCase()
      .split(/[:/\s]/, 1)[0] ?? '';
  if (scope === 'organisation' || scope === 'org' || scope === 'company') return 'organization';
  if (scope === 'anyone' || scope === 'public' || scope === 'everyone') return 'anonymous';
  return scope;
}

/**
 * A sharing scope: links that open for a whole organisation, or for anyone, are always flagged;
 * an anyone-link is refused unless the person asked for one in so many words.
 */
export function checkSharingScope(value: string, tracer: Tracer, flags: FlagList, refusals: FlagList): void {
  switch (scopeOf(value)) {
    case 'anonymous':
      flags.add(GUARD_CODES.broadSharing, 'Anyone with the link will be able to open it, without signing in');
      if (!tracer.affirms(PUBLIC_WORDS)) {
        refusals.add(
          GUARD_CODES.anonymousNotRequested,
          "Delegate won't create a link that anyone can open: you didn't ask for it",
        );
      }
      return;
    case 'organization':
      flags.add(GUARD_CODES.broadSharing, 'Everyone in your organisation will be able to open it with the link');
      return;
    case 'users':
    case 'specificpeople':
    case 'existingaccess':
      return;
    default:
      flags.add(
        GUARD_CODES.unknownSharingScope,
        `Sharing scope "${forDisplay(value, 40)}" is not one Delegate knows: check who will be able to open it`,
      );
  }
}
