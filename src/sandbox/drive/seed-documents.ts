import type { DocParagraph } from '../../actions/files/formats/docx-write';
import type { Sheet } from './formats/xlsx';

/** A seeded file: where it goes, how old it is, and what it says. */
export type SeedDocument =
  | {
      readonly path: string;
      readonly daysAgo: number;
      readonly kind: 'docx';
      readonly paragraphs: readonly DocParagraph[];
    }
  | { readonly path: string; readonly daysAgo: number; readonly kind: 'xlsx'; readonly sheets: readonly Sheet[] }
  | {
      readonly path: string;
      readonly daysAgo: number;
      readonly kind: 'pdf';
      readonly lines: readonly { text: string; heading?: boolean }[];
    }
  | { readonly path: string; readonly daysAgo: number; readonly kind: 'txt'; readonly text: string };

const h1 = (text: string): DocParagraph => ({ text, style: 'Heading1' });
const p = (text: string): DocParagraph => ({ text });
const li = (text: string): DocParagraph => ({ text, style: 'ListBullet' });

/** Alex Wilber's OneDrive. */
export const ALEX_DOCUMENTS: readonly SeedDocument[] = [
  {
    path: 'Documents/Planning/Q3 planning workbook.xlsx',
    daysAgo: 2,
    kind: 'xlsx',
    sheets: [
      {
        name: 'Budget',
        rows: [
          ['Area', 'Q3 budget (USD)', 'Owner', 'Notes'],
          ['Spring launch follow-up', 42000, 'Megan Bowen', 'Paid social and partner webinars'],
          ['Contoso partnership', 18500, 'Alex Wilber', 'Joint case study and reseller training'],
          ['Fabrikam pilot support', 12000, 'Adele Vance', 'Two onsite workshops'],
          ['Tooling and licences', 7600, 'Isaiah Langer', 'Renewals due in August'],
          ['Total', 80100, '', ''],
        ],
      },
      {
        name: 'Milestones',
        rows: [
          ['Milestone', 'Target', 'Owner', 'Status'],
          ['Q3 plan signed off', 'July 5', 'Alex Wilber', 'Done'],
          ['Contoso reseller training', 'July 22', 'Alex Wilber', 'On track'],
          ['Fabrikam pilot review', 'August 14', 'Adele Vance', 'At risk: waiting for data export'],
          ['Q4 budget proposal', 'September 20', 'Megan Bowen', 'Not started'],
        ],
      },
    ],
  },
  {
    path: 'Documents/Marketing/Spring launch brief.docx',
    daysAgo: 5,
    kind: 'docx',
    paragraphs: [
      { text: 'Spring launch brief', style: 'Title' },
      h1('Overview'),
      p(
        'The spring launch introduces Delegate Insights to mid-size customers, starting with Contoso and two other design partners.',
      ),
      h1('Goals'),
      li('500 qualified sign-ups in the first six weeks'),
      li('Three published customer stories, one of them with Contoso'),
      li('Net promoter score of 40 or more from the pilot group'),
      h1('Audience'),
      p('Operations leads in companies of 200 to 2,000 people who already use Microsoft 365.'),
      h1('Key messages'),
      li('Delegate does the routine work and asks before anything consequential happens.'),
      li('Every action is approved, logged and explainable.'),
      h1('Timeline'),
      p('Press briefing on 14 April, public launch on 22 April, partner webinar on 6 May.'),
      h1('Budget'),
      p('The launch budget is 65,000 USD, owned by Megan Bowen; paid social takes 40 percent.'),
    ],
  },
  {
    path: 'Documents/Policies/Travel and expense policy.pdf',
    daysAgo: 40,
    kind: 'pdf',
    lines: [
      { text: 'Travel and expense policy', heading: true },
      { text: 'Effective 1 January. Applies to every employee and contractor.' },
      { text: '' },
      { text: 'Booking travel', heading: true },
      { text: 'Book flights and hotels through the travel portal at least 14 days ahead.' },
      { text: 'Economy class for flights under six hours; premium economy above that.' },
      { text: '' },
      { text: 'Daily allowances', heading: true },
      { text: 'Meals: up to 75 USD a day. Hotel: up to 220 USD a night in major cities.' },
      { text: 'Client entertainment needs the approval of your manager in advance.' },
      { text: '' },
      { text: 'Claiming expenses', heading: true },
      { text: 'Submit receipts within 30 days of the trip. Claims above 1,000 USD need a second approver.' },
      { text: 'Questions go to finance@example.com.' },
    ],
  },
  {
    path: 'Meeting notes.txt',
    daysAgo: 1,
    kind: 'txt',
    text: [
      'Weekly sync: marketing and sales',
      '',
      'Attendees: Alex Wilber, Megan Bowen, Adele Vance',
      '',
      '- Contoso wants the reseller training moved to the week of 22 July.',
      '- Megan will share the updated spring launch numbers by Friday.',
      '- Adele is waiting for the Fabrikam data export before the pilot review.',
      '',
      'Actions:',
      '- Alex: confirm the training dates with Contoso.',
      '- Megan: send the launch numbers.',
      '',
    ].join('\n'),
  },
  {
    path: 'Documents/Sales/Contoso proposal draft.docx',
    daysAgo: 9,
    kind: 'docx',
    paragraphs: [
      { text: 'Proposal for Contoso Ltd.', style: 'Title' },
      h1('Scope'),
      p('A twelve-month rollout of Delegate for the Contoso operations team (about 120 people).'),
      h1('Pricing'),
      p('18 USD per user per month, with reseller training included in the first quarter.'),
      h1('Next steps'),
      li('Contoso legal review of the data processing terms'),
      li('Pilot kickoff once the order form is signed'),
    ],
  },
];

/** Megan Bowen's OneDrive. */
export const MEGAN_DOCUMENTS: readonly SeedDocument[] = [
  {
    path: 'Documents/Launch checklist.docx',
    daysAgo: 3,
    kind: 'docx',
    paragraphs: [
      { text: 'Launch checklist', style: 'Title' },
      li('Landing page copy approved'),
      li('Partner webinar scheduled with Contoso'),
      li('Press kit sent to the agency'),
    ],
  },
  {
    path: 'Documents/Team budget.xlsx',
    daysAgo: 6,
    kind: 'xlsx',
    sheets: [
      {
        name: 'Budget',
        rows: [
          ['Line', 'Amount (USD)'],
          ['Paid social', 26000],
          ['Events', 21000],
          ['Agency', 18000],
        ],
      },
    ],
  },
  {
    path: 'Meeting notes.txt',
    daysAgo: 4,
    kind: 'txt',
    text: 'One-to-one with Alex\n\n- Spring launch numbers due Friday.\n- Ask Patti about the Q4 events calendar.\n',
  },
];
