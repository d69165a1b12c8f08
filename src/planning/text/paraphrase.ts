/**
 * Everyday phrasings, rewritten into the plain wording the intents read. People say "write to
 * Lynne with a summary", "drop Megan a line", "ping Isaiah and ask if the deck is ready", "sum
 * up"; the intents understand "email Lynne a summary", "email Megan saying …", "message Isaiah
 * on Teams: Is the deck ready?", "summarise". Each rule is one idiom of English, not one
 * sentence; the table is compiled once, at load.
 *
 * Names and quoted text keep their case: the rules capture them from the original text.
 */

/** Someone named: a name, several names, an address (no verb or article inside). */
const WHO =
  "([\\w@.'’-]+(?:\\s+(?!(?:a|an|the|on|in|via|over|and|to|that|with|about|saying|know)\\b)[\\w@.'’-]+){0,4}?)";
const TEAMS = '(?:on|in|via|over|through)\\s+(?:microsoft\\s+)?teams';
const ASK_THEM = '(?:ask|check|find\\s+out|see)(?:\\s+(?:him|her|them))?';
const TELL_THEM = '(?:tell|let)(?:\\s+(?:him|her|them))?(?:\\s+know)?|say';
const NOTE = '(?:e-?mail|mail|note|line|message|quick\\s+note|quick\\s+e-?mail|short\\s+note|quick\\s+line)';

/** A due date at the end of a to-do: ", due next Monday", " by tomorrow", " on Friday". */
const DUE_TAIL =
  '((?:,?\\s+(?:due|by|before|on|for))?,?\\s+(?:due\\s+)?(?:tomorrow|today|tonight|(?:next|this)\\s+\\w+|(?:mon|tues|wednes|thurs|fri|satur|sun)day|the\\s+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th)?\\s+\\w+|end\\s+of\\s+\\w+)(?:\\s+at\\s+[\\w:]+)?)?';

/** A day as people name it: "tomorrow", "friday", "next monday", "this afternoon". */
const DAY_WORDS =
  '(?:today|tonight|tomorrow(?:\\s+(?:morning|afternoon|evening))?|this\\s+(?:morning|afternoon|evening|week)|(?:next|this)\\s+(?:week|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\\s+(?:morning|afternoon))?)';

/** A channel as named in a post: "General", "#announcements", "Sales Team". */
const CHANNEL = "#?[\\w&'-]+(?:\\s+(?!channel\\b|and\\b|that\\b|saying\\b)[\\w&'-]+){0,2}?";
/** "… and tag Megan" at the end of a post. */
const TAGGED = '(?:,?\\s+and\\s+(?:tag|mention|@mention|@)\\s+([\\w@.-]+(?:\\s+(?:and\\s+)?[\\w@.-]+){0,3}))?';
/** Everyone who reads a channel: "the team", "everyone", "folks". */
const GROUP = "(?:the\\s+(?:whole\\s+)?(?:team|channel|group)|every(?:one|body)|people|folks|all|y'?all)";
/** Where "in …" is not a channel: "in Teams", "in a chat", "in an email", "in person". */
const NOT_A_CHANNEL = '(?:(?:microsoft\\s+)?teams|an?\\s+|chat|e-?mail|person|writing|private)\\b';
/** "and tag Megan" / "and mention Megan and Adele" before the message. */
const MENTION = '(?:\\s+and\\s+(?:tag|mention|@mention)\\s+((?:[\\w@.-]+)(?:\\s+(?:and\\s+)?[\\w@.-]+){0,3}?))?';

/** The canonical post: quoted with whichever quote the text does not hold. */
function channelPost(channel: string | undefined, said: string | undefined, who: string | undefined): string {
  const text = (said ?? '').trim();
  const quoted = text.includes('"') ? `'${text}'` : `"${text}"`;
  return `post ${quoted} in ${(channel ?? '').trim()}${who ? ` and mention ${who}` : ''}`;
}

/** "for me and Isaiah", "between me, Megan and Isaiah". */
const FOR_ME_AND = /\b(?:for|between)\s+(?:me|myself|us)\s*(?:,|and|&)\s*/gi;
/** Words that make a clause a request for a meeting. */
const MEETING_WORDS =
  /\b(?:meet(?:ing)?s?|calls?|time|slots?|1:1|1-1|lunch|coffee|dinner|breakfast|drinks|catch[\s-]?up|sync|workshop|kick-?off|review|session|chat|book|schedule|set\s*up|organi[sz]e|arrange)\b/i;

type Rule = readonly [RegExp, string | ((...groups: string[]) => string)];

/**
 * A yes/no question from an indirect one: "if the deck is ready" → "Is the deck ready?",
 * "whether Megan has sent it" → "Has Megan sent it?"; anything else is asked as it was said.
 */
export function directQuestion(indirect: string): string {
  const body = indirect.trim().replace(/[.?!]+$/, '');
  const clause = /^(?:if|whether)\s+(.+)$/i.exec(body)?.[1];
  if (!clause) return `${capital(body)}?`;
  const aux = /^(.+?)\s+(is|are|was|were|has|have|had|can|could|will|would|should|did|does|do)\s+(.+)$/i.exec(clause);
  if (aux && (aux[1] ?? '').split(/\s+/).length <= 5) {
    // Asked of the person themselves: "if she has sent it" → "Have you sent it?".
    const addressee = /^(?:she|he|they)$/i.test(aux[1] ?? '');
    const verb = (aux[2] ?? '').toLowerCase();
    const subject = addressee ? 'you' : (aux[1] ?? '');
    const agreed = addressee ? (SECOND_PERSON[verb] ?? verb) : verb;
    return `${capital(agreed)} ${subject} ${toAddressee(aux[3] ?? '')}?`;
  }
  return `Could you let me know if ${toAddressee(clause)}?`;
}

const SECOND_PERSON: Readonly<Record<string, string>> = { is: 'are', was: 'were', has: 'have', does: 'do' };

/** Words about the person asked, turned to them: "her deck" → "your deck". */
function toAddressee(text: string): string {
  return text
    .replace(
      /\b(?:she|he)\s+(is|was|has|does)\b/gi,
      (_m, verb: string) => `you ${SECOND_PERSON[verb.toLowerCase()] ?? verb}`,
    )
    .replace(/\b(?:she|he)\b/gi, 'you')
    .replace(/\b(?:her|his)\s+(?=[a-z])/gi, 'your ');
}

/** "to send the deck" → "Could you send the deck?". */
function request(rest: string): string {
  return `Could you ${toAddressee(rest.trim().replace(/[.?!]+$/, ''))}?`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What the asked text becomes: a question for "if/whether", a request for "to …", else the words. */
function asked(rest: string): string {
  const text = rest.trim();
  if (/^(?:if|whether)\s/i.test(text)) return directQuestion(text);
  if (/^to\s/i.test(text)) return request(text.replace(/^to\s+/i, ''));
  const about = /^(?:about|re|regarding)\s+(.+)$/i.exec(text);
  if (about) return `Quick question about ${about[1] ?? ''}`;
  return text;
}

/** What the told text becomes: "that the deck is ready" → "the deck is ready". */
function told(rest: string): string {
  return rest
    .trim()
    .replace(/^(?:that|about)\s+/i, '')
    .trim();
}

const RULES: readonly Rule[] = [
  // "what's on tomorrow", "what have I got on Friday", "anything on next Monday?": the diary that day.
  [
    new RegExp(
      `^(?:what(?:'s|\\s+is)(?:\\s+happening)?|what\\s+(?:have|do)\\s+i\\s+(?:got|have)(?:\\s+on)?|anything(?:\\s+on)?|is\\s+there\\s+anything(?:\\s+on)?)\\s+((?:on\\s+|for\\s+)?${DAY_WORDS})$`,
      'i',
    ),
    'what meetings do I have $1',
  ],
  // "sum up", "round up", "boil down", "tl;dr" → "summarise".
  [/\b(?:sum(?:s|med|ming)?\s+up|wrap\s+up|boil\s+down|tl;?dr(?:\s+of)?)\b/gi, 'summarise'],
  // "email the team lead, Megan, a summary …": the name, not the role.
  [/\b(?:the|my|our)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?,\s+([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?),\s+/, '$1 '],
  // "loop in adele: send her a summary …" → "send adele a summary …".
  [
    /^(?:loop|bring)\s+in\s+([\w@.'-]+(?:\s+[\w@.'-]+)?)\s*[:,-]\s*(?:send|email|e-mail)\s+(?:her|him|them)\s+/i,
    'email $1 ',
  ],
  // "give Patti a summary of … by email" → "email Patti a summary of …".
  [
    /^(?:give|get|send)\s+([\w@.'-]+(?:\s+[\w@.'-]+)?)\s+(a\s+summary\s+of\s+.+?)\s+(?:by|via|over|through|in\s+an?)\s+e-?mail$/i,
    'email $1 $2',
  ],
  // "what did fabrikam email me about last week", "what has Contoso sent me this month" → a summary of that mail.
  [
    /^what\s+(?:did|has|have)\s+([\w@.'-]+(?:\s+[\w@.'-]+)?)\s+(?:e-?mail(?:ed)?|mail(?:ed)?|sen[dt]|wr[io]te|written)(?:\s+(?:me|us|to\s+me))?(?:\s+about)?\b(?!\s+in\s)(.*)$/i,
    'summarise the mail from $1$2',
  ],
  // "Let the team know in General what Fabrikam emailed about this week, summarised" → a summary posted there.
  [
    /^(?:let|tell|update|brief)\s+(?:the\s+team|everyone|everybody|the\s+channel|people|folks|all)\s+(?:know\s+)?(?:in|on)\s+(?:the\s+)?(#?[\w&'-]+(?:\s+(?!know\b|channel\b)[\w&'-]+)?)(?:\s+channel)?\s+(?:know\s+)?(the\s+mail\s+from\s+.+?)(?:,?\s+(?:summari[sz]ed|in\s+(?:a\s+)?(?:short|brief)?\s*summary))?$/i,
    'post a summary of $2 in $1',
  ],
  // "let the team know in General that …", "let everyone in General know …", "tell everyone in
  // announcements …": a post in that channel. ("know" may come before or after the channel.)
  [
    new RegExp(
      `^(?:tell|let|inform|update|notify)\\s+${GROUP}\\s+(?:know\\s+)?(?:in|on)\\s+(?:the\\s+)?(${CHANNEL})(?:\\s+channel)?\\s+(?:know\\s+)?(?:that\\s+|:\\s*|about\\s+)(.+?)${TAGGED}$`,
      'i',
    ),
    (_m, channel, said, who) => channelPost(channel, said, who),
  ],
  [
    new RegExp(
      `^(?:tell|let|inform|update|notify)\\s+${GROUP}\\s+(?:know\\s+)?(?:in|on)\\s+(?:the\\s+)?(?!${NOT_A_CHANNEL})(#?[\\w&'-]+)(?:\\s+channel)?\\s+(?:know\\s+)?(.+?)${TAGGED}$`,
      'i',
    ),
    (_m, channel, said, who) => channelPost(channel, said, who),
  ],
  // "let Megan know in General that …": a post there that mentions her.
  [
    new RegExp(
      `^(?:let\\s+${WHO}\\s+know|tell\\s+${WHO})\\s+in\\s+(?:the\\s+)?(?!${NOT_A_CHANNEL})(${CHANNEL})(?:\\s+channel)?\\s*(?:that\\s+|:\\s*)(.+)$`,
      'i',
    ),
    (_m, a, b, channel, said) => channelPost(channel, said, a || b),
  ],
  // "Tell Patti what Raj emailed me this week" (after the rule above) → "email Patti a summary of …".
  [
    /^(?:tell|let|update|brief)\s+([\w@.'-]+(?:\s+(?!know\b)[\w@.'-]+)?)(?:\s+know)?\s+(?:on\s+)?(the\s+mail\s+from\s+.+?)(?:\s*[-,(]?\s*(?:just\s+)?(?:a\s+)?(?:(?:short|quick|brief)\s+)?(?:summary|short\s+version|recap)(?:\s+is\s+(?:fine|ok|okay|enough))?(?:\s+(?:by|over|via|in\s+an?)\s+e-?mail)?\)?)?$/i,
    'email $1 a summary of $2',
  ],
  // "send Megan the notes from my last Fabrikam email", "give Adele the details in the latest
  // Contoso mail": what a mail holds goes to them with the mail itself, a forward.
  [
    new RegExp(
      `^(?:send|give|pass(?:\\s+on)?|get)\\s+${WHO}\\s+(?:the\\s+|a\\s+copy\\s+of\\s+the\\s+)?(?:notes|details|info|information|stuff|bits|contents?|attachments?|files?|docs?|documents?|figures|numbers)\\s+(?:from|in|on|attached\\s+to)\\s+((?:my|the|that|[\\w.-]+'s)\\s+(?:[\\w@.'-]+\\s+){0,4}?(?:e-?mail|mail|message)(?:\\s+from\\s+[\\w@.'-]+(?:\\s+[\\w@.'-]+)?)?)$`,
      'i',
    ),
    (_m, who, mail) => `forward ${mail ?? ''} to ${who ?? ''}`,
  ],
  // "ping Isaiah on Teams and ask if the deck is ready" → a chat asking it.
  [
    new RegExp(
      `^(?:ping|message|chat\\s+(?:with|to)|dm|im|text|reach\\s+out\\s+to|contact|hit\\s+up)\\s+${WHO}(?:\\s+${TEAMS})?,?\\s+and\\s+${ASK_THEM}\\s+(.+)$`,
      'i',
    ),
    (_m, who, rest) => `message ${who} on Teams: ${asked(rest ?? '')}`,
  ],
  [
    new RegExp(
      `^(?:ping|message|chat\\s+(?:with|to)|dm|im|text|reach\\s+out\\s+to|contact|hit\\s+up)\\s+${WHO}(?:\\s+${TEAMS})?,?\\s+and\\s+(?:${TELL_THEM})\\s+(.+)$`,
      'i',
    ),
    (_m, who, rest) => `message ${who} on Teams: ${told(rest ?? '')}`,
  ],
  // "ask Isaiah (on Teams) if the deck is ready", "ask Megan to send the deck" → a chat.
  [
    new RegExp(`^ask\\s+${WHO}(?:\\s+${TEAMS})?\\s+((?:if|whether|to|about)\\s+.+)$`, 'i'),
    (_m, who, rest) => `message ${who} on Teams: ${asked(rest ?? '')}`,
  ],
  // "ping Megan (about|re) the deck", "ping Megan saying …" (no "on Teams": ping is a chat word).
  [
    new RegExp(`^(?:ping|dm|im|text)\\s+${WHO}\\s+(?:saying|that|to\\s+say)\\s+(.+)$`, 'i'),
    (_m, who, rest) => `message ${who} on Teams: ${told(rest ?? '')}`,
  ],
  [
    new RegExp(`^(?:ping|dm|im|text)\\s+${WHO}\\s+(about|re|regarding)\\s+(.+)$`, 'i'),
    (_m, who, _about, rest) => `message ${who} on Teams: Quick question about ${rest ?? ''}`,
  ],
  // "let Megan know on Teams that …", "tell Megan on Teams …" → a chat.
  [
    new RegExp(`^(?:let\\s+${WHO}\\s+know|tell\\s+${WHO})\\s+${TEAMS}\\s*,?\\s*(?:that\\s+|:\\s*)?(.+)$`, 'i'),
    (_m, a, b, rest) => `message ${a || b} on Teams: ${told(rest ?? '')}`,
  ],
  // "write to Lynne with a summary of …", "send an email to Lynne with a summary …" → "email Lynne a summary …".
  [
    new RegExp(
      `^(?:write(?:\\s+an?\\s+${NOTE})?|send\\s+an?\\s+${NOTE}|drop\\s+an?\\s+${NOTE})\\s+to\\s+${WHO}\\s+(?:with|containing|including|giving(?:\\s+(?:him|her|them))?)\\s+((?:a|an|the|my|our)\\s+.+)$`,
      'i',
    ),
    (_m, who, rest) => `email ${who} ${rest ?? ''}`,
  ],
  // "drop Megan a line with a summary …", "send Megan an email with a summary …" → "email Megan a summary …".
  [
    new RegExp(
      `^(?:drop|shoot|send|fire\\s+off)\\s+${WHO}\\s+an?\\s+${NOTE}\\s+(?:with|containing|including)\\s+((?:a|an|the|my|our)\\s+.+)$`,
      'i',
    ),
    (_m, who, rest) => `email ${who} ${rest ?? ''}`,
  ],
  // "write to Megan (saying|that|:) …", "drop Megan a line saying …", "let Megan know that …",
  // "tell Megan that …" → "email Megan saying …".
  [
    new RegExp(
      `^(?:write(?:\\s+an?\\s+${NOTE})?\\s+to|send\\s+an?\\s+${NOTE}\\s+to|drop\\s+an?\\s+${NOTE}\\s+to)\\s+${WHO}\\s*(?:,|:|\\s+saying|\\s+to\\s+say|\\s+that|\\s+and\\s+say)\\s*(.+)$`,
      'i',
    ),
    (_m, who, rest) => `email ${who} saying ${told(rest ?? '')}`,
  ],
  [
    new RegExp(
      `^(?:drop|shoot|send|fire\\s+off)\\s+${WHO}\\s+an?\\s+${NOTE}\\s*(?:,|:|\\s+saying|\\s+to\\s+say|\\s+that)\\s*(.+)$`,
      'i',
    ),
    (_m, who, rest) => `email ${who} saying ${told(rest ?? '')}`,
  ],
  [
    new RegExp(`^let\\s+${WHO}\\s+know\\s*(?:,|:)?\\s*(?:that\\s+)?(.+)$`, 'i'),
    (_m, who, rest) => `email ${who} saying ${told(rest ?? '')}`,
  ],
  [
    new RegExp(`^tell\\s+${WHO}\\s*(?:,|:|\\s+that)\\s*(.+)$`, 'i'),
    (_m, who, rest) => `email ${who} saying ${told(rest ?? '')}`,
  ],
  // "email Megan and ask if …" → "email Megan saying Is …?".
  [
    new RegExp(`^(e-?mail|mail)\\s+${WHO},?\\s+and\\s+${ASK_THEM}\\s+(.+)$`, 'i'),
    (_m, _verb, who, rest) => `email ${who} saying ${asked(rest ?? '')}`,
  ],
  [
    new RegExp(`^(e-?mail|mail)\\s+${WHO},?\\s+and\\s+(?:${TELL_THEM})\\s+(.+)$`, 'i'),
    (_m, _verb, who, rest) => `email ${who} saying ${told(rest ?? '')}`,
  ],
  // "have lunch with Adele", "grab coffee with Megan" → "schedule lunch with …".
  [/^(?:have|grab|get|do)\s+(?=(?:a\s+)?(?:lunch|coffee|dinner|breakfast|drinks?|call|chat|meeting)\b)/i, 'schedule '],
  // Meetings as people ask for them: "find time for me and Isaiah", "for me, Megan and Isaiah" → "with Isaiah".
  // Only in a meeting request: "summarise the mail for me and Adele" is not a meeting with Adele.
  [/^.*$/s, (clause) => (MEETING_WORDS.test(clause) ? clause.replace(FOR_ME_AND, 'with ') : clause)],
  // "set up time w adele n lynne": a name, "n", a name.
  [/\bw\s+([a-z][\w'-]+)\s+n\s+([a-z][\w'-]+)\b/gi, 'with $1 and $2'],
  // "can we get megan, adele and patti together next week" → "set up a meeting with …".
  [/^(?:can|could)\s+(?:we|you)\s+get\s+(.+?)\s+together\b/i, 'set up a meeting with $1'],
  // "Put a meeting in with Megan", "I need a 1-1 with Lynne", "Grab 30 min with Megan", "find 20 minutes with Patti".
  [/^put\s+(an?\s+\w+(?:\s+\w+)?)\s+in\s+with\b/i, 'set up $1 with'],
  [/^i\s+(?:need|want|would\s+like|'d\s+like)\s+(?=an?\s)/i, 'set up '],
  [/^(?:grab|find|get|block|hold)\s+(\d+)\s*(min(?:ute)?s?|hours?)\s+with\b/i, 'set up a $1 $2 meeting with'],
  // "put time in with Megan", "get some time with Megan", "find time with" → "find time with".
  [/^(?:put|get|grab|block)\s+(?:some\s+)?time\s+(?:in\s+)?(?=with\b)/i, 'find time '],
  // A forward always carries the attachments: "forward X to Megan with the attachments".
  [
    /^((?:forward|fwd|pass\s+on)\b.*?)\s*,?\s+(?:with|including|incl\.?|and)\s+(?:the\s+|its\s+|all\s+(?:the\s+)?|any\s+)?attachments?(?:\s+(?:too|included))?(?=\s+to\s|$)/i,
    (_m, head) => head ?? '',
  ],
  // To Do, as people ask for it: "remind me to renew the permit on Friday", "To do: book flights,
  // due next Monday", "make a note in To Do to chase Dana", "add a task for myself: …" →
  // "add "…" to my to do list (due …)".
  [
    new RegExp(
      `^(?:remind\\s+me\\s+to|to[\\s-]?do\\s*:|(?:make|add|put|jot\\s+down)\\s+a\\s+(?:note|reminder|to[\\s-]?do)\\s+(?:in|on|to)\\s+(?:my\\s+)?to[\\s-]?do(?:\\s+list)?\\s+to|(?:add|create|make)\\s+(?:a\\s+)?(?:task|to[\\s-]?do|reminder)\\s+for\\s+(?:myself|me)\\s*:?|(?:add|create|make)\\s+(?:a\\s+)?(?:personal\\s+)?(?:to[\\s-]?do|reminder)\\s*:|add\\s+an?\\s+(?:to[\\s-]?do|reminder)\\s+to)\\s*(.+?)${DUE_TAIL}$`,
      'i',
    ),
    (_m, title, due) => `add "${(title ?? '').replace(/^["']|["']$/g, '')}" to my to do list${due ?? ''}`,
  ],
  // Planner, as people ask for it: "create a planner task in spring launch: X, assign to adele",
  // "assign isaiah a task in the spring launch plan: X", "new task on the Spring launch board, "X"",
  // "add a Spring launch task for Lynne to X by tomorrow" → "add a task "X" to the … plan for …".
  [
    new RegExp(
      `^(?:(?:create|add|make)\\s+a\\s+(?:new\\s+)?(?:planner\\s+)?task|new\\s+(?:planner\\s+)?task)\\s+(?:in|on|to)\\s+(?:the\\s+)?((?:(?!\\b(?:to|for|my)\\b)[^:,])+?)(?:\\s+(?:plan|board))?\\s*[:,]\\s*["']?(.+?)["']?(?:,?\\s+(?:and\\s+)?assign(?:ed)?\\s+(?:it\\s+)?to\\s+([^,]+?))?${DUE_TAIL}$`,
      'i',
    ),
    (_m, plan, title, who, due) =>
      `add a task "${title ?? ''}" to the ${plan ?? ''} plan${who ? ` for ${who}` : ''}${due ?? ''}`,
  ],
  [
    new RegExp(
      `^(?:assign|give)\\s+(.+?)\\s+a\\s+(?:new\\s+)?task\\s+(?:in|on)\\s+(?:the\\s+)?(.+?)(?:\\s+(?:plan|board))?\\s*[:,]\\s*["']?(.+?)["']?${DUE_TAIL}$`,
      'i',
    ),
    (_m, who, plan, title, due) => `add a task "${title ?? ''}" to the ${plan ?? ''} plan for ${who ?? ''}${due ?? ''}`,
  ],
  [
    new RegExp(
      `^(?:add|create|make|put\\s+in)\\s+an?\\s+(?!new\\b|planner\\b|personal\\b)(.+?)\\s+task\\s+for\\s+(.+?)\\s+to\\s+(.+?)${DUE_TAIL}$`,
      'i',
    ),
    (_m, plan, who, title, due) => `add a task "${title ?? ''}" to the ${plan ?? ''} plan for ${who ?? ''}${due ?? ''}`,
  ],
  // "Put "Order booth banners" on the Spring launch plan for Adele": a task, not a post.
  [
    /^(?!.*\band\s+(?:give|assign)\b)(?:put|add|stick|pop)\s+("[^"]+"|'[^']+')\s+(?:on|to|in|onto|into)\s+(?:the\s+|my\s+|our\s+)?(.+?)\s+(?:plan|board)\b/i,
    'add a task $1 to the $2 plan',
  ],
  // "add a task to the spring launch plan for lynne to order the shelving by friday".
  [
    new RegExp(
      `^(?:add|create|make|put|set\\s+up)\\s+(?:a\\s+|an\\s+)?(?:new\\s+)?task\\s+(?:to|in|on|into)\\s+(?:the\\s+)?(.+?)\\s+plan\\s+for\\s+([\\w@.'-]+(?:\\s+(?!to\\b)[\\w@.'-]+)?)\\s+to\\s+(.+?)${DUE_TAIL}$`,
      'i',
    ),
    (_m, plan, who, title, due) => `add a task "${title ?? ''}" to the ${plan ?? ''} plan for ${who ?? ''}${due ?? ''}`,
  ],
  // "Put "X" on the Board prep plan and give it to Patti" → "… for Patti".
  [
    /^(?:put|add)\s+(.+?)\s+(?:on|to|in)\s+(?:the\s+)?(.+?\s+plan)\s+and\s+(?:give|assign)\s+it\s+to\s+/i,
    (_m, title, plan) => `add a task ${title ?? ''} to the ${plan ?? ''} for `,
  ],
  // "the Spring launch board" is its plan.
  [/\b(?:on|to|in)\s+the\s+(.+?)\s+board\b/gi, 'on the $1 plan'],
  // "How is the spring launch going - show all tasks …" → the plan's tasks.
  [
    /^how(?:'s|\s+is|\s+are)\s+(?:the\s+|things\s+(?:with|on)\s+the\s+)?(.+?)\s+(?:plan\s+)?(?:going|doing|coming\s+along|looking)\b[\s,;-]*(?:(?:show|list|give)\s+(?:me\s+)?(?:all\s+)?(?:the\s+|its\s+)?(?:tasks|everything))?(.*)$/i,
    'show the $1 plan$2',
  ],
  // Lists: "show me my errands", "what do i still have to do today", "list the tasks in Board prep".
  [/^(?:show|list|what(?:'s|\s+is)\s+on)\s+(?:me\s+)?my\s+(errands|chores|shopping|groceries)$/i, 'show my $1 list'],
  [
    /^(?:what\s+(?:do\s+i|have\s+i\s+got)\s+(?:still\s+)?(?:left\s+)?(?:have\s+)?to\s+do|what(?:'s|\s+is)\s+on\s+my\s+plate|what(?:'s|\s+is)\s+left\s+(?:for\s+me\s+)?to\s+do)(?:\s+today|\s+this\s+week)?$/i,
    'show my to do list',
  ],
  [
    /^(?:list|show(?:\s+me)?|what\s+are)\s+(?:all\s+)?(?:the\s+)?(?:open\s+)?tasks\s+(?:in|on|of|for)\s+(?:the\s+)?(?!my\b)(.+?)(?:\s+plan)?$/i,
    'show the $1 plan',
  ],
  [/^what(?:'s|\s+is)\s+left\s+(?:to\s+do\s+)?(?:on|in)\s+the\s+(.+?)\s+plan$/i, 'show the $1 plan'],
  // Chat shorthand: "IM Patti: are we still on for 3?", "teams msg to megan - running late" →
  // "message Patti on Teams: …".
  [
    /^(?:im|dm|ping|pm|teams\s+(?:msg|message|chat)|chat)(?:\s+(?:to|with))?\s+([\w@.'-]+(?:\s+[\w@.'-]+)?)(?:\s+(?:on|in|via|over)\s+teams)?\s*(?::|\s-\s|,)\s*(.+)$/i,
    'message $1 on Teams: $2',
  ],
  // Replies in a channel: "respond to the last announcement with "…"", "reply in the general channel thread: …".
  [
    /^(?:reply|respond|answer)\s+to\s+the\s+(?:latest|last|most\s+recent|newest)\s+(announcement)s?\b/i,
    'reply to the latest post in Announcements',
  ],
  [
    /^(?:reply|respond|answer)\s+(?:in|on)\s+(?:the\s+)?(#?[\w&'-]+(?:\s+[\w&'-]+)?)\s+(?:channel\s+)?thread\b/i,
    'reply to the latest post in $1',
  ],
  // Catching up on a channel: "what did I miss in general this week?", "a recap of yesterday's chatter in General".
  [
    /^what\s+(?:did|have)\s+i\s+miss(?:ed)?\s+(?:in|on)\s+(?:the\s+)?(#?[\w&'-]+(?:\s+[\w&'-]+)?(?:\s+channel)?)(.*)$/i,
    "what's new in $1$2",
  ],
  [
    /^(?:give\s+me\s+)?(?:a\s+)?(?:summary|recap)\s+of\s+(.+?)\s+(?:chatter|chat|talk|discussion|conversations?|posts|messages)\s+(?:in|on)\s+(?:the\s+)?(.+)$/i,
    "what's new in $2 $1",
  ],
  [
    /^catch\s+(?:me\s+)?up\s+on\s+(?:the\s+)?(?!what\b|my\b)([\w&'-]+)\b(?!\s+channel)/i,
    'catch me up on the $1 channel',
  ],
  // "Maybe to the East Coast sales kickoff invite" → a tentative yes.
  [/^maybe\s+(?:to|for|on)\s+/i, 'tentatively accept '],
  // Channel posts, as people write them: "Post in General: …", "post to announcements that …",
  // "can you share in #announcements: …", "Tell the team in the General channel that …" →
  // "post "…" in General (and mention …)".
  [
    new RegExp(
      `^(?:post|write|put|share|announce|say|drop)\\s+(?:a\\s+(?:message|note|post|quick\\s+note)\\s+|an\\s+(?:update|announcement)\\s+)?(?:in|to|on|into)\\s+(?:the\\s+)?(${CHANNEL})(?:\\s+channel)?${MENTION}\\s*(?::|,|\\s+(?:that|saying|to\\s+say))\\s*(.+)$`,
      'i',
    ),
    (_m, channel, who, said) => channelPost(channel, said, who),
  ],
  [
    new RegExp(
      `^(?:tell|let|inform|update)\\s+(?:the\\s+team|everyone|everybody|the\\s+channel|people|folks|all)\\s+(?:in|on)\\s+(?:the\\s+)?(${CHANNEL})(?:\\s+channel)?\\s+(?:know\\s+)?(?:that\\s+|:\\s*|about\\s+)(.+)$`,
      'i',
    ),
    (_m, channel, said) => channelPost(channel, said, ''),
  ],
  // Files, as people ask for them: "give Patti view access to X", "let Megan edit X", "send
  // isaiah a link to X", "make a link to X that anyone in the company can open" → "share X with …".
  [
    /^(?:give|grant)\s+(.+?)\s+(view|read|edit|editing|write)(?:[\s-]+only)?\s+(?:access|rights|permissions?)\s+(?:to|on|for)\s+(.+)$/i,
    (_m, who, kind, what) =>
      `share ${what ?? ''} with ${who ?? ''}${/^(?:edit|editing|write)$/i.test(kind ?? '') ? ' so they can edit it' : ''}`,
  ],
  [
    /^let\s+(.+?)\s+(edit|change|update|work\s+on|see|view|read|look\s+at|open)\s+(.+)$/i,
    (_m, who, verb, what) =>
      `share ${what ?? ''} with ${who ?? ''}${/^(?:edit|change|update|work)/i.test(verb ?? '') ? ' so they can edit it' : ''}`,
  ],
  // (A link is to a file: "file" keeps the request about files and is dropped from the search.)
  [/^(?:send|give|get)\s+(.+?)\s+(?:a\s+|the\s+)?link\s+(?:to|for)\s+(.+)$/i, 'share $2 file with $1'],
  [
    /^(?:make|create|get|give\s+me)\s+(?:me\s+)?an?\s+(?:sharing\s+)?link\s+(?:to|for)\s+(.+?)\s+(?:that|which)\s+(?:anyone|everyone|everybody|people)\s+(?:in|at)\s+(?:the|our|my)\s+(?:company|organi[sz]ation|org|tenant)\s+can\s+(?:open|see|view|use|read)$/i,
    'share $1 with everyone in the company',
  ],
  [
    /^(?:make|create|get|give\s+me)\s+(?:me\s+)?an?\s+(?:public\s+|sharing\s+)?link\s+(?:to|for)\s+(.+?)(?:\s+(?:that|which)\s+(?:anyone|anybody)\s+can\s+(?:open|see|view|use|read))?$/i,
    'share $1 publicly',
  ],
  // "what's the total in the team budget spreadsheet" → what the document says.
  [
    /^what(?:'s|\s+is|\s+are)\s+the\s+(?:total|sum|numbers?|figures?|amounts?|bottom\s+line|deadline|dates?|budget|plan|status)\s+(?:in|of|on|from)\s+/i,
    "what's in ",
  ],
  // "list the last 5 files i opened" → recent files.
  [
    /^(?:list|show(?:\s+me)?|get|give\s+me)\s+(?:the\s+|my\s+)?(?:last|latest|most\s+recent)\s+(\d{1,2})\s+(?:files|documents|docs)(?:\s+i(?:'ve|\s+have)?\s+(?:opened|used|edited|worked\s+on|touched))?$/i,
    'show my $1 most recent files',
  ],
  // "the summary as a Word doc" → spelled one way.
  [/\bword\s+doc\b/gi, 'Word document'],
];

/** `clause` with everyday idioms rewritten into the wording the intents read. */
export function paraphrase(clause: string): string {
  return rewrite(clause, RULES);
}

/** Apply each rule in turn: a global rule everywhere it matches, any other at its first match. */
function rewrite(input: string, rules: readonly Rule[]): string {
  let text = input;
  for (const [pattern, replacement] of rules) {
    if (pattern.global) {
      text = text.replace(pattern, replacement as string);
      continue;
    }
    if (typeof replacement === 'string') {
      text = text.replace(pattern, replacement);
      continue;
    }
    const match = pattern.exec(text);
    if (!match) continue;
    const rewritten = replacement(...match.map((group) => group ?? ''));
    text = text.slice(0, match.index) + rewritten + text.slice(match.index + match[0].length);
  }
  return text;
}

const MESSAGE_RULES: readonly Rule[] = [
  // "… then post it in general too", "… as well": the request, without the emphasis.
  [/\s+(?:too|as\s+well)$/i, ''],
  // "… and post the same summary in Announcements" → "… and post it in Announcements".
  [/\bthe\s+same\s+(?:summary|recap|digest|round-?up)\b/gi, 'it'],
  // "Write up a summary of … and save it to OneDrive" → "save a summary of … as a Word document".
  [
    /^(?:write\s+up|make|create|do|put\s+together)\s+(a\s+summary\s+of\s+.+?)\s+and\s+(?:save|put|store|drop)\s+it\s+(?:to|in|on|into)\s+(?:my\s+)?(?:onedrive|one\s+drive|files)$/i,
    'save $1 as a Word document',
  ],
  // "summarise this week's mail and save it as a Word doc, then …" → "save a summary of … as a Word doc, then …".
  [
    /^(?:summari[sz]e|recap)\s+(.+?)\s+and\s+(?:save|store|keep|export|put)\s+(?:it|that|the\s+summary)\s+((?:as|in|into|to)\s+.+?)(?=$|,|\s+(?:and|then)\s)/i,
    'save a summary of $1 $2',
  ],
  // "sum up my unread contoso emails in a word doc" → "save a summary of … as a Word document".
  [
    /^(?:summari[sz]e|recap|sum\s+up)\s+(.+?)\s+(?:in|into|as)\s+(?:a\s+|an\s+)?((?:word|text|markdown)\s+(?:doc|document|file)|document|doc)$/i,
    'save a summary of $1 as a $2',
  ],
  // A summary by any other name: "a quick digest of", "a rundown of", "the highlights of", "a round-up of".
  [
    /\b(?:an?|the|some)\s+(?:(?:quick|short|brief|little)\s+)?(?:digest|rundown|run-down|round-?up|highlights|overview|synopsis|gist|recap|roll-?up|tl;?dr|key\s+points|main\s+points)\s+(?:of|from)\b/gi,
    'a summary of',
  ],
  // "remind me what Patti sent me yesterday", "fill me in on what Raj emailed about": a summary of that mail.
  [
    /^(?:remind\s+me(?:\s+of)?|fill\s+me\s+in\s+on)\s+(?=(?:what|everything|whatever)\s+[\w@.'-]+(?:\s+(?:and|&)\s+[\w@.'-]+)?\s+(?:has\s+|have\s+)?(?:sent|emailed|mailed|said|wrote|forwarded)\b)/i,
    'summarise ',
  ],
  // Mail described by what people sent: "everything dana sent me", "what Raj and Dana emailed me", "what Contoso said".
  [
    /\b(?:everything|all(?:\s+the\s+(?:stuff|things))?|what|whatever)\s+([\w@.'-]+(?:\s+(?:and|&)\s+[\w@.'-]+)?)\s+(?:has\s+|have\s+)?(?:sent|emailed|mailed|said|wrote|forwarded)(?:\s+(?:me|us|to\s+me))?(?:\s+about)?\b/gi,
    'the mail from $1',
  ],
  // Mail named by who sent it: "the emails adele sent me yesterday" → "the emails from adele yesterday".
  [
    /\b((?:e-?mails?|mails?|messages?))\s+(?:that\s+)?([\w@.'-]+(?:\s+[A-Z][\w'-]+)?)\s+(?:has\s+|have\s+)?(?:sent|forwarded|emailed|mailed)(?:\s+(?:me|us|to\s+me))?\b/gi,
    '$1 from $2',
  ],
  // "mark everything from contoso as read", "archive anything from Litware" → the mail from them.
  [
    /\b(?:all\s+(?:of\s+)?the\s+|the\s+)?(?:everything|anything|all|stuff)\s+(?:that\s+(?:came|comes)\s+in\s+)?from\s+(?=\S)/gi,
    'the mail from ',
  ],
  // "email megan and cc isaiah a summary of …", "Mail Megan and cc Adele: the banners are ordered" →
  // "email megan … , cc isaiah".
  [
    /^((?:e-?mail|mail|send)\s+[\w@.'-]+(?:\s+[\w@.'-]+)?)\s+and\s+cc\s+([\w@.'-]+(?:\s+(?:and\s+)?[\w@.'-]+)?)\s*(?::\s*(.+)|\s+(a\s+summary\s+of\s+.+))$/i,
    (_m, head, cc, said, summary) =>
      said ? `${head ?? ''} saying ${said}, cc ${cc ?? ''}` : `${head ?? ''} ${summary ?? ''}, cc ${cc ?? ''}`,
  ],
  [
    /^(?:ping|chat(?:\s+(?:with|to))?|dm|im|teams\s+(?:message|msg|chat)|message|send)\s+([\w@.'-]+(?:\s+[\w@.'-]+)?)(\s+(?:on|in|via|over)\s+teams)?\s+(?:with\s+)?a\s+summary\s+of\s+(.+?)(\s+(?:on|in|via|over)\s+teams)?$/i,
    (_m, who, teams1, what, teams2) =>
      teams1 || teams2 || !/^(?:message|send)$/i.test(_m.split(/\s+/)[0] ?? '')
        ? `summarise ${what ?? ''} and message it to ${who ?? ''} on Teams`
        : _m,
  ],

  // "find Dana's latest mail and forward it to Megan" → "forward Dana's latest mail to Megan":
  // finding is how the act starts, not a request of its own.
  [
    /^(?:find|get|look\s+up|locate|grab|pull\s+up|search\s+for)\s+([^,;]+?\b(?:e-?mails?|mails?|messages?|latest|last)\b[^,;]*?)\s*,?\s+and\s+(forward|fwd|reply(?:\s+all)?|respond|answer|flag|unflag|move|file|archive|delete|mark|read|open)\b(?:\s+(?:it|them))?\s*(.*)$/i,
    (_m, which, verb, rest) => {
      const to = /^(?:reply|respond)/i.test(verb ?? '') ? ' to' : '';
      return `${verb ?? ''}${to} ${which ?? ''}${rest ? ` ${rest}` : ''}`;
    },
  ],
  // "find the Q3 planning workbook and share it with Lynne" → "share the Q3 planning workbook with Lynne".
  [
    /^(?:find|get|look\s+up|locate|grab|pull\s+up)\s+([^,;]+?)\s+and\s+(share|send|read|open)\s+(?:it|them)\b\s*(.*)$/i,
    (_m, which, verb, rest) => `${verb ?? ''} ${which ?? ''}${rest ? ` ${rest}` : ''}`,
  ],
  // "share X with Adele and let her know (on Teams)": tell them, in words they can approve.
  [
    /^(share\s+(.+?)\s+with\s+([\w@.'-]+(?:\s+[\w@.'-]+)?))\s+and\s+(?:let\s+(?:her|him|them)\s+know|tell\s+(?:her|him|them))(\s+(?:on|via|in|over)\s+teams)?$/i,
    (_m, share, what, who, teams) =>
      teams
        ? `${share ?? ''}, then message ${who ?? ''} on Teams: I've shared ${what ?? ''} with you.`
        : `${share ?? ''}, then email ${who ?? ''} saying I've shared ${what ?? ''} with you.`,
  ],
  // "cancel the sync and let isaiah and lynne know (by email)": tell them, in words they can approve.
  [
    /^(cancel\s+(?:the\s+|my\s+|today's\s+|tomorrow's\s+)?(.+?))\s+and\s+let\s+([\w@.'-]+(?:\s*(?:,|and)\s*[\w@.'-]+)*)\s+know(?:\s+(?:by|via|over)\s+e-?mail)?$/i,
    (_m, cancel, what, who) => `${cancel ?? ''}, then email ${who ?? ''} saying I've cancelled the ${what ?? ''}.`,
  ],
  // "read the travel policy and tell me what it says": reading it is the answer.
  [/\s+and\s+(?:tell|show)\s+me\s+what\s+(?:it\s+says|it's\s+about|is\s+in\s+it|it\s+contains)$/i, ''],
  // "… next week? 45 mins": a length said after the question belongs to it.
  [/\s*[.?!]\s+(\d+\s*(?:mins?|minutes|hours?|hrs?))\s*$/i, ', $1'],
  // "subject "Pipeline deep dive"", "called 'Newsletter retro'": the meeting's subject, verbatim.
  [
    /^(?=.*\b(?:meeting|call|slot|time\s+(?:with|for)|1:1|1-1|sync|workshop|catch-?up|kick-?off|retro)\b)(.*?)(?<!\bwith),?\s+(?:subject|title|called|named|titled)\s*:?\s*(["'])(.+?)\2/i,
    '$1 about "$3"',
  ],
  // "I can't make the Q3 budget review - decline it and …" → "decline the Q3 budget review and …".
  [
    /^i\s+(?:can't|cannot|can\s+not|won't\s+be\s+able\s+to|am\s+not\s+able\s+to)\s+(?:make|attend|go\s+to|join|do)\s+(.+?)\s*(?:\s-|,|;)\s*(?:so\s+(?:please\s+)?)?decline\s+it\b/i,
    'decline $1',
  ],
  // "forward it to Patti? Say FYI" → "… saying FYI".
  [/\?\s+(?:say|add|write)\s+(?=\S)/i, ' saying '],
  // "summarise … for Adele": the summary goes to Adele (a capitalised name, then the end of a request).
  [
    /\b((?:[Ss]ummari[sz]e|[Rr]ecap|[Dd]igest)\b[^.;!?]*?)\s+for\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)(?:\s+(?:by|via|over)\s+e?-?mail)?(?=$|\s*[.;!?,]|\s+(?:and|then)\s)/,
    (_m, head, who) => `${head ?? ''} and email it to ${who ?? ''}`,
  ],
  // "summarise …, and let Lynne know" / "… and tell Megan" at the end: deliver the summary to them
  // (only a summary: "cancel the review and tell them we'll rebook" is a message to the attendees).
  [
    new RegExp(
      `^(?=.*\\b(?:summar|recap|digest|round-?up|rundown|gist|overview))(.*?),?\\s+and\\s+(?!(?:let|tell)\\s+(?:them|him|her|everyone|everybody|the\\s+attendees)\\b)(?:let\\s+${WHO}\\s+know|tell\\s+${WHO}|write\\s+to\\s+${WHO}|drop\\s+${WHO}\\s+an?\\s+${NOTE})\\s*$`,
      'i',
    ),
    (...groups: string[]) => `${groups[1] ?? ''} and email it to ${groups.slice(2, 6).find((group) => group) ?? ''}`,
  ],
];

/**
 * Idioms that span clauses, rewritten before the message is split: "summarise this week's
 * mail from Contoso and let Megan know" delivers the summary to Megan.
 */
export function paraphraseMessage(message: string): string {
  return rewrite(message, MESSAGE_RULES);
}
