import { z } from 'zod';
import type { BatchResponse, GraphPort } from '../../graph/types';

/** A directory person as the people actions return them. */
export const personSummary = z.object({
  id: z.string(),
  displayName: z.string(),
  mail: z.string(),
  jobTitle: z.string(),
  department: z.string(),
});
export type PersonSummary = z.infer<typeof personSummary>;

/** The directory fields read about a person: enough to tell two namesakes apart. */
export const PERSON_SELECT = 'id,displayName,mail,userPrincipalName,jobTitle,department';

export interface GraphPerson {
  readonly id: string;
  readonly displayName?: string | null;
  readonly mail?: string | null;
  readonly userPrincipalName?: string | null;
  readonly jobTitle?: string | null;
  readonly department?: string | null;
}

export function summarisePerson(p: GraphPerson): PersonSummary {
  const mail = p.mail ?? p.userPrincipalName ?? '';
  return {
    id: p.id,
    displayName: p.displayName ?? mail,
    mail,
    jobTitle: p.jobTitle ?? '',
    department: p.department ?? '',
  };
}

export const userPath = (key: string): string => `/users/${encodeURIComponent(key)}`;

/**
 * A person and one of their relations (manager, direct reports) in one JSON batch, so that
 * "no such person" (the first answer's 404) is told apart from "no manager" (the second's).
 */
export async function personAnd<T>(
  graph: GraphPort,
  key: string,
  relation: string,
  signal?: AbortSignal,
): Promise<[GraphPerson, BatchResponse<T>]> {
  const [person, related] = await graph.batch<unknown>(
    [
      { url: `${userPath(key)}?$select=${PERSON_SELECT}` },
      { url: `${userPath(key)}/${relation}?$select=${PERSON_SELECT}` },
    ],
    { signal, what: 'the directory' },
  );
  if (!person || !related) throw new Error('the batch answered fewer responses than asked');
  // Ask again outside the batch to surface Graph's own error (404 unknown, 403 refused) as a GraphError.
  if (person.status !== 200) await graph.get(userPath(key), { $select: 'id' }, { signal, what: key });
  if (related.status !== 200 && related.status !== 404)
    await graph.get(`${userPath(key)}/${relation}`, { $select: 'id' }, { signal, what: `${key}'s ${relation}` });
  return [person.body as GraphPerson, related as BatchResponse<T>];
}
