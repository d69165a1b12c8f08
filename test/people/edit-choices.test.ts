import type { EditableField } from '../../src/engine/catalogue';
import type { GraphGateway, GraphPort } from '../../src/graph/types';
import { editChoiceLookup } from '../../src/people/edit-choices';

const FOLDER: EditableField = { name: 'folder', label: 'Folder', kind: 'folder' };
const CHANNEL: EditableField = { name: 'channelId', label: 'Channel', kind: 'channel' };
const ALEX = { id: 'aad-alex', upn: 'alexw@example.com' };
const quiet = { debug() {}, info() {}, warn() {}, error() {}, child: () => quiet } as never;

/** A Graph port that answers the few list calls the pickers make, and counts them. */
function gateway(pages: Record<string, unknown[] | Error>): { gateway: GraphGateway; calls: string[] } {
  const calls: string[] = [];
  const port = {
    getAll: async (path: string) => {
      calls.push(path);
      const page = pages[path];
      if (page instanceof Error) throw page;
      return page ?? [];
    },
  } as unknown as GraphPort;
  return { gateway: { forUser: () => port, forApp: () => port } as unknown as GraphGateway, calls };
}

describe('the pickers of Edit forms', () => {
  it("lists the requester's folders (with their well-known names) and the channels of their teams", async () => {
    const { gateway: g } = gateway({
      '/users/aad-alex/mailFolders': [
        { id: 'f-archive', displayName: 'Archive' },
        { id: 'f-projects', displayName: 'Projects' },
      ],
      '/users/aad-alex/joinedTeams': [{ id: 'team-1', displayName: 'My Team' }],
      '/teams/team-1/channels': [{ id: '19:general', displayName: 'General' }],
    });
    const choices = await editChoiceLookup(g, quiet)(ALEX, [FOLDER, CHANNEL]);
    expect(choices).toEqual({
      folder: [
        { value: 'f-archive', title: 'Archive', aliases: ['Archive', 'archive'] },
        { value: 'f-projects', title: 'Projects', aliases: ['Projects'] },
      ],
      channelId: [
        {
          value: 'team-1/19:general',
          title: 'My Team › General',
          fields: { teamId: 'team-1', channelId: '19:general', teamName: 'My Team', channelName: 'General' },
        },
      ],
    });
  });

  it('leaves out a list it could not get, and tries again next time', async () => {
    const { gateway: g, calls } = gateway({ '/users/aad-alex/mailFolders': new Error('503') });
    const lookup = editChoiceLookup(g, quiet);
    await expect(lookup(ALEX, [FOLDER])).resolves.toEqual({});
    await expect(lookup(ALEX, [FOLDER])).resolves.toEqual({});
    expect(calls).toHaveLength(2);
  });

  it('reuses a list for a minute (Edit, then Save), then looks again', async () => {
    let now = 0;
    const { gateway: g, calls } = gateway({ '/users/aad-alex/mailFolders': [{ id: 'f1', displayName: 'Inbox' }] });
    const lookup = editChoiceLookup(g, quiet, () => now);
    await lookup(ALEX, [FOLDER]);
    now += 59_000;
    await lookup(ALEX, [FOLDER]);
    expect(calls).toHaveLength(1);
    now += 2_000;
    await lookup(ALEX, [FOLDER]);
    expect(calls).toHaveLength(2);
  });
});
