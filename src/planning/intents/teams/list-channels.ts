import { actorOf } from '../../extract/people';
import { ok, refuse, type Result } from '../../result';
import { domainIntent } from '../domain';
import type { BuildContext, Fragment } from '../fragment';

/** "What channels are there in My Team?", "list the channels of the Sales team". */
interface ListChannelsSpec {
  /** The team as said; "my team" means the requester's only team (or the one called that). */
  readonly team: string;
}

const FORMS: readonly RegExp[] = [
  /^(?:what|which)\s+channels\s+(?:are\s+there|does|do|exist|have\s+we\s+got)\s+(?:in|on|for)\s+(.+?)(?:\s+have)?$/i,
  /^(?:list|show(?:\s+me)?|what\s+are|get|give\s+me)\s+(?:all\s+)?(?:the\s+)?channels\s+(?:in|of|on|for)\s+(.+)$/i,
  /^(?:list|show(?:\s+me)?|what\s+are)\s+(.+?)(?:'s|')\s+channels$/i,
];

/** Every team has a General channel: the teams the requester belongs to, by their General channel. */
const GENERAL = 'General';

export const listChannelsIntent = domainIntent<ListChannelsSpec>({
  name: 'teams.listChannels',
  parse(clause) {
    const said = clause.trim().replace(/[?.!]+$/, '');
    for (const form of FORMS) {
      const team = form.exec(said)?.[1]?.trim();
      if (team)
        return ok({ team: team.replace(/^the\s+/i, '').replace(/\s+team$/i, (m) => (/^my\b/i.test(team) ? m : '')) });
    }
    return undefined;
  },
  async build(spec, ctx: BuildContext): Promise<Result<Fragment>> {
    const generals = await ctx.directory.findChannels(GENERAL, actorOf(ctx.requester));
    const teams = [...new Map(generals.map((c) => [c.teamId, c.teamName])).entries()];
    const wanted = spec.team.toLowerCase();
    const named = teams.filter(([, name]) => name.toLowerCase() === wanted);
    const mine = /^(?:my|our)\s+team$/i.test(spec.team) && teams.length === 1 ? teams : [];
    const [team] = named.length > 0 ? named : mine;
    if (!team) {
      const known = teams.map(([, name]) => name).join(', ');
      return refuse(`I couldn't find a team called ${spec.team} among yours${known ? ` (${known})` : ''}.`);
    }
    const [teamId, teamName] = team;
    return ok({
      title: `List the channels of ${teamName}`,
      steps: [
        { action: 'teams.listChannels', input: { teamId, teamName }, rationale: `Read the channels of ${teamName}.` },
      ],
    });
  },
});
