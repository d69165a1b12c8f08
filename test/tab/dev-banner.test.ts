import { banner } from '../../scripts/lib/banner';

describe('npm run dev', () => {
  it("prints the Tasks tab's local address next to the bot's", () => {
    const text = banner({
      playgroundUrl: 'http://localhost:56150',
      botUrl: 'http://127.0.0.1:3978',
      dataDir: './data',
      playgroundLog: './data/playground.log',
    });
    expect(text).toMatch(/^ {2}Tasks tab +http:\/\/127\.0\.0\.1:3978\/tab\/ /m);
  });
});
