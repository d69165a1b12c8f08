import { createCatalogue } from '../../src/actions';
import { buildPlan } from '../../src/engine/plan-builder';
import type { GraphGateway } from '../../src/graph/types';
import { TEST_NOW } from '../support/clock';

const catalogue = createCatalogue({} as GraphGateway);
const ids = { taskId: () => 'T', uuid: () => 'u' };
const ALEX = { upn: 'alexw@example.com' };

/** The risk a plan gives one step with this input, for this requester. */
function riskOf(action: string, input: Record<string, unknown>, requester: { upn?: string } = ALEX): string {
  return buildPlan([{ action, input, rationale: '' }], 1, catalogue, ids, TEST_NOW, requester).steps[0]!.risk;
}

describe('a step is as risky as its concrete input', () => {
  it('a mail to colleagues is internal; one outside the organisation, or with an unknown requester, is external', () => {
    const mail = (to: string[]) => ({ to, subject: 'Hi', body: 'Hello' });
    expect(riskOf('mail.send', mail(['meganb@example.com']))).toBe('write-internal');
    expect(riskOf('mail.send', mail(['meganb@example.com', 'dana@contoso.com']))).toBe('write-external');
    expect(riskOf('mail.send', mail(['meganb@example.com']), {})).toBe('write-external');
  });

  it('a recipient still to come from an earlier step counts as external until it is known', () => {
    expect(
      catalogue.get('mail.send')!.riskFor?.({ to: [{ $ref: 's1.address' }], subject: 'Hi', body: 'x' }, ALEX),
    ).toBe('write-external');
  });

  it('a chat to a guest is external; sharing with the organisation is internal, with anyone external', () => {
    const chat = catalogue.get('teams.sendChatMessage')!;
    expect(chat.riskFor?.({ to: 'meganb@example.com' }, ALEX)).toBe('write-internal');
    expect(chat.riskFor?.({ to: 'dana_contoso.com#EXT#@example.com' }, ALEX)).toBe('write-external');
    expect(chat.riskFor?.({ to: 'dana@contoso.com' }, ALEX)).toBe('write-external');
    const share = catalogue.get('files.share')!;
    expect(share.riskFor?.({ scope: 'organization' }, ALEX)).toBe('write-internal');
    expect(share.riskFor?.({ scope: 'anonymous' }, ALEX)).toBe('write-external');
  });

  it('gates every consequential step at a checkpoint, whatever its class', () => {
    const step = buildPlan(
      [{ action: 'mail.send', input: { to: ['dana@contoso.com'], subject: 'Hi', body: 'x' }, rationale: '' }],
      1,
      catalogue,
      ids,
      TEST_NOW,
      ALEX,
    ).steps[0]!;
    expect(step.gate).toBe('checkpoint');
  });
});
