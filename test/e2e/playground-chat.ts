import { DateTime } from 'luxon';
import type { Browser, Locator, Page } from 'playwright-core';

/** An `adaptiveCard/action` (or other) invoke the Playground sent, and how the bot answered it. */
export interface SeenInvoke {
  readonly name: string;
  readonly verb?: string;
  status?: number;
  responseType?: string;
}

/**
 * The Playground's web UI as a person uses it: the conversation list, the message box (a Lexical
 * editor, so it is typed into with the keyboard) and the Adaptive Cards the bot posts, whose
 * buttons are plain `<button>`s carrying their titles.
 */
export class PlaygroundChat {
  /** Every invoke the UI sent the bot, in order, with the bot's answer. */
  readonly invokes: SeenInvoke[] = [];

  private constructor(readonly page: Page) {
    page.on('request', (request) => {
      if (request.method() !== 'POST' || !request.url().endsWith('/_conversation/v1/invoke')) return;
      const body = JSON.parse(request.postData() ?? '{}') as { name?: string; value?: { action?: { verb?: string } } };
      const seen: SeenInvoke = { name: body.name ?? '(none)', verb: body.value?.action?.verb };
      this.invokes.push(seen);
      request
        .response()
        .then(async (response) => {
          seen.status = response?.status();
          seen.responseType = ((await response?.json().catch(() => undefined)) as { type?: string } | undefined)?.type;
        })
        .catch(() => undefined);
    });
  }

  static async open(browser: Browser, url: string): Promise<PlaygroundChat> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1600 } });
    page.setDefaultTimeout(20_000);
    await page.goto(url);
    return new PlaygroundChat(page);
  }

  async openPersonalChat(): Promise<void> {
    await this.page.getByText('Personal Chat', { exact: true }).click();
  }

  /** Open a team channel from the sidebar, e.g. General. */
  async openChannel(name: string): Promise<void> {
    await this.page.getByText(name, { exact: true }).first().click();
  }

  /**
   * Start a new channel post that @mentions the bot. The Playground turns `<at>Name</at>` into a
   * mention of the account with that name, as Teams does, and only then sends the post to the bot.
   */
  async postMentioning(bot: string, text: string): Promise<void> {
    await this.send(`<at>${bot}</at> ${text}`);
  }

  async send(text: string): Promise<void> {
    // The composer for a new post comes first; threads (the welcome card's, in a channel) have their own reply boxes.
    await this.page.locator('[data-lexical-editor="true"]').first().click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** Every Adaptive Card in the conversation, oldest first. */
  cards(): Locator {
    return this.page.locator('.ac-adaptiveCard');
  }

  /** Cards that still offer this button. */
  cardsWithButton(title: string): Locator {
    return this.cards().filter({ has: this.button(title) });
  }

  /** A card button by its exact title, anywhere (scope it with `card.locator(...)`). */
  button(title: string): Locator {
    return this.page.getByRole('button', { name: title, exact: true });
  }

  /** Press a button on this card, and only this card. */
  async press(card: Locator, title: string): Promise<void> {
    await card.getByRole('button', { name: title, exact: true }).click();
  }

  /**
   * Send an activity as someone other than the Playground's own user, the way a developer does it
   * in the Playground: Mock an Activity → Custom activity, the activity's JSON in its editor (one
   * line, so the editor's auto-indent has nothing to change), then Send activity. The Playground
   * posts it to the bot as it is; the bot's replies appear in the conversation as usual.
   */
  async mockActivity(activity: Record<string, unknown>): Promise<void> {
    await this.page.getByText('Mock an Activity', { exact: true }).click();
    await this.page.getByText('Custom activity', { exact: true }).click();
    const editor = this.page.locator('.monaco-editor textarea');
    await editor.waitFor();
    await editor.focus();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(JSON.stringify(activity));
    // Some activities (a message with a mention) also get a form view; the JSON is what is sent.
    const json = this.page.getByRole('tab', { name: 'JSON', exact: true });
    if ((await json.count()) > 0) await json.click();
    await this.page.getByRole('button', { name: 'Send activity', exact: true }).click();
    await this.page.getByRole('button', { name: 'Send activity', exact: true }).waitFor({ state: 'detached' });
  }

  /**
   * Pick a day in a card's Input.Date, as a person does: open its calendar and click the day
   * (moving on a month at a time if it is not shown). `n` is the date input's place on the card.
   */
  async pickDate(card: Locator, n: number, isoDate: string): Promise<void> {
    const day = DateTime.fromISO(isoDate, { locale: 'en-US' });
    await card.getByPlaceholder('Select a date...').nth(n).click();
    const cell = this.page.getByRole('gridcell', { name: day.toFormat('d, LLLL, yyyy'), exact: true });
    for (let i = 0; i < 12 && (await cell.count()) === 0; i++)
      await this.page
        .getByRole('button', { name: /next month/i })
        .first()
        .click();
    await cell.click();
    await expect(card.getByPlaceholder('Select a date...').nth(n).inputValue()).resolves.toBe(
      day.toFormat('LLLL d, yyyy'),
    );
  }

  /** Pick a time in a card's Input.Time from its list (half-hour steps, e.g. "2:00 PM"). */
  async pickTime(card: Locator, n: number, time: string): Promise<void> {
    await card.getByPlaceholder('Select a time...').nth(n).click();
    await this.page.getByRole('option', { name: time, exact: true }).click();
    await expect(card.getByPlaceholder('Select a time...').nth(n).inputValue()).resolves.toBe(time);
  }
}
