import { describeTarget } from '../../src/graph/describe-target';
import { graphHostsOnly, sameOrigin } from '../../src/graph/middleware/auth';
import { isAmbiguous, shouldRetry } from '../../src/graph/retry-policy';
import { backoffDelay, parseRetryAfter } from '../../src/retry';
import { serviceRoot } from '../../src/graph/service-root';

describe('retry policy', () => {
  it('parses Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('1')).toBe(1000);
    expect(parseRetryAfter('0.5')).toBe(500);
    const now = Date.parse('2025-03-01T10:00:00Z');
    expect(parseRetryAfter('Sat, 01 Mar 2025 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  it('doubles the backoff per retry, within [0.5, 1] of it, capped', () => {
    expect(backoffDelay(1, 100, 10_000, () => 1)).toBe(100);
    expect(backoffDelay(3, 100, 10_000, () => 1)).toBe(400);
    expect(backoffDelay(3, 100, 10_000, () => 0)).toBe(200);
    expect(backoffDelay(20, 100, 1_000, () => 1)).toBe(1000);
  });

  it('retries POSTs only when the server said nothing happened', () => {
    const response = (status: number, retryAfterMs?: number) => ({ kind: 'response' as const, status, retryAfterMs });
    expect(shouldRetry(response(429), false)).toBe(true);
    expect(shouldRetry(response(503, 1000), false)).toBe(true);
    expect(shouldRetry(response(503), false)).toBe(false);
    expect(shouldRetry(response(504), false)).toBe(false);
    expect(shouldRetry(response(504), true)).toBe(true);
    expect(shouldRetry(response(500), true)).toBe(false);
    expect(shouldRetry({ kind: 'failure', failure: 'network' }, true)).toBe(true);
    expect(shouldRetry({ kind: 'failure', failure: 'timeout' }, true)).toBe(false);
    expect(isAmbiguous(response(500), false)).toBe(true);
    expect(isAmbiguous(response(429), false)).toBe(false);
    expect(isAmbiguous(response(404), false)).toBe(false);
    expect(isAmbiguous({ kind: 'failure', failure: 'timeout' }, true)).toBe(false);
  });
});

describe('token audience', () => {
  it('sends real tokens only to https Graph hosts', () => {
    expect(graphHostsOnly(new URL('https://graph.microsoft.com/v1.0/me'))).toBe(true);
    expect(graphHostsOnly(new URL('http://graph.microsoft.com/v1.0/me'))).toBe(false);
    expect(graphHostsOnly(new URL('https://graph.microsoft.com.evil.example/v1.0/me'))).toBe(false);
    expect(graphHostsOnly(new URL('http://127.0.0.1:3979/v1.0/me'))).toBe(false);
  });

  it('sends sandbox tokens only to the sandbox origin', () => {
    const audience = sameOrigin('http://127.0.0.1:3979/v1.0');
    expect(audience(new URL('http://127.0.0.1:3979/v1.0/users'))).toBe(true);
    expect(audience(new URL('http://127.0.0.1:4000/v1.0/users'))).toBe(false);
  });
});

describe('paths', () => {
  it('splits the service root and relativises only its own links', () => {
    const root = serviceRoot('https://graph.microsoft.com/v1.0/');
    expect(root).toMatchObject({
      host: 'https://graph.microsoft.com',
      version: 'v1.0',
      url: 'https://graph.microsoft.com/v1.0',
    });
    expect(root.relative('https://graph.microsoft.com/v1.0/users?$skiptoken=a')).toBe('/users?$skiptoken=a');
    expect(root.relative('https://graph.microsoft.com/v1.0evil/users')).toBeUndefined();
    expect(root.relative('https://graph.microsoft.com/beta/users')).toBeUndefined();
  });

  it('names targets without ids', () => {
    expect(describeTarget('/users/abc/messages')).toBe('the mailbox');
    expect(describeTarget('/users/abc/messages/m1')).toBe('the message');
    expect(describeTarget('/users/abc/events')).toBe('the calendar');
    expect(describeTarget('/teams/t/channels/c/messages')).toBe('the channel');
    expect(describeTarget('/users/abc')).toBe('the user');
    expect(describeTarget('/somethingElse')).toBe('the requested item');
    expect(describeTarget('/chats/19:x/messages')).toBe('the chat');
    expect(describeTarget('/chats/19:x/messages/1')).toBe('the chat message');
    expect(describeTarget('/teams/t/channels/c/messages/1/replies')).toBe('the thread');
    expect(describeTarget('/drives/d/items/i')).toBe('the file');
    expect(describeTarget('/users/abc/drive/items/i/children')).toBe('the folder');
    expect(describeTarget('/planner/plans/p/tasks')).toBe('the task list');
    expect(describeTarget('/users/abc/todo/lists/l/tasks/t')).toBe('the task');
    expect(describeTarget('/users/abc/calendarView')).toBe('the calendar');
  });
});
