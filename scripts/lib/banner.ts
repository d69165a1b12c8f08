/** What the banner shows. */
export interface BannerFacts {
  readonly playgroundUrl: string;
  /** Set when the Playground could not have its usual port and took another. */
  readonly playgroundPortNote?: string;
  readonly botUrl: string;
  /** The sandbox tenant's Graph root, when the bot uses the sandbox. */
  readonly sandboxGraphUrl?: string;
  readonly dataDir: string;
  readonly playgroundLog: string;
}

/** The one block that tells a person where everything is and how to stop it. */
export function banner(facts: BannerFacts): string {
  const rows: [string, string][] = [
    ['Chat (Playground)', facts.playgroundUrl],
    ['Bot', `${facts.botUrl}/api/messages   (health: ${facts.botUrl}/healthz)`],
    ['Tasks tab', `${facts.botUrl}/tab/   (sign in as any sandbox person)`],
  ];
  if (facts.sandboxGraphUrl)
    rows.push(['Sandbox Graph', `${facts.sandboxGraphUrl}   (Authorization: Bearer sandbox:<upn> or sandbox:app)`]);
  rows.push(['Data', facts.dataDir], ['Playground log', facts.playgroundLog]);
  const width = Math.max(...rows.map(([label]) => label.length));
  const rule = '─'.repeat(72);
  return [
    '',
    rule,
    '  Delegate is ready: local mode, sandbox tenant, no Bot Framework auth.',
    '',
    ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
    ...(facts.playgroundPortNote ? ['', `  Note: ${facts.playgroundPortNote}`] : []),
    '',
    `  Open ${facts.playgroundUrl}, pick "Personal Chat" and try:`,
    '    Email Megan Bowen a summary of my unread mail from Contoso',
    '',
    '  Stop with Ctrl-C (stops the bot and the Playground).',
    rule,
    '',
  ].join('\n');
}
