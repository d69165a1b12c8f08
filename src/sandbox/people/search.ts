import { SANDBOX_DIRECTORY, type SandboxUser } from '../directory';
import type { SandboxStore } from '../store/store';
import { closeness } from './relations';

/** The `$search` value without Graph's surrounding quotes, lower-cased. */
function searchTerm(raw: string | null): string {
  const t = (raw ?? '').trim();
  return (t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t).trim().toLowerCase();
}

/** Whether a person matches like the People API does: the start of any name word, or of the address. */
function matches(user: SandboxUser, term: string): boolean {
  if (!term) return true;
  const words = `${user.displayName} ${user.givenName} ${user.surname}`.toLowerCase().split(/\s+/);
  return (
    user.displayName.toLowerCase().startsWith(term) ||
    words.some((w) => w.startsWith(term)) ||
    user.mail.toLowerCase().startsWith(term)
  );
}

/** Graph's `person` resource (the People API) for a directory user. */
export function personResource(user: SandboxUser, rank: number): Record<string, unknown> {
  return {
    id: user.id,
    displayName: user.displayName,
    givenName: user.givenName,
    surname: user.surname,
    birthday: '',
    personNotes: '',
    isFavorite: false,
    jobTitle: user.jobTitle,
    companyName: 'Example',
    yomiCompany: '',
    department: user.department,
    officeLocation: user.officeLocation,
    profession: '',
    userPrincipalName: user.userPrincipalName,
    imAddress: `sip:${user.mail}`,
    scoredEmailAddresses: [{ address: user.mail, relevanceScore: 20 - rank * 4, selectionLikelihood: 'notSpecified' }],
    phones: user.businessPhones.map((number) => ({ type: 'business', number })),
    personType: { class: 'Person', subclass: 'OrganizationUser' },
  };
}

/** The people relevant to `owner` matching `$search`, closest first (never the owner). */
export function searchPeople(
  store: SandboxStore,
  owner: SandboxUser,
  rawSearch: string | null,
): Array<Record<string, unknown>> {
  const term = searchTerm(rawSearch);
  return SANDBOX_DIRECTORY.users
    .filter((u) => u.id !== owner.id && matches(u, term))
    .map((u) => ({ u, rank: closeness(store, owner.id, u) }))
    .sort((a, b) => a.rank - b.rank || a.u.displayName.localeCompare(b.u.displayName))
    .map(({ u, rank }) => personResource(u, rank));
}
