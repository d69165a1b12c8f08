import { mail, type MailSeed } from './mailTypes';

/** Routine traffic across the month: approvals, notifications, follow-ups. */
export const ROUTINE: readonly MailSeed[] = [
  mail('r-expense-approved', { w: 1, d: 1, at: '12:35' }, 'pattif', ['alexw'], 'Expense report approved', [
    'Hi Alex,',
    'I have approved your expense report for the trade show (1,284.60 USD). Finance will reimburse it with the next payroll.',
  ]),
  mail('r-newsletter-stats', { w: 1, d: 2, at: '09:45' }, 'meganb', ['alexw'], 'Newsletter stats: 18,400 subscribers', [
    'Hi Alex,',
    "Last week's newsletter reached 18,400 subscribers with a 41% open rate, our best so far. The store events section got the most clicks.",
  ]),
  mail(
    'r-fabrikam-backorder',
    { w: 1, d: 4, at: '16:50' },
    'notify',
    ['alexw'],
    'Back-order notice for order #45821',
    [
      'Part of order #45821 is on back-order: 40 x Brochure stand BS-60 (matte).',
      'Expected availability: within three weeks. No action is needed if you accept a partial delivery.',
    ],
    { plain: true, thread: 'fabrikam-45821' },
  ),
  mail(
    'r-fabrikam-delivery',
    { w: 2, d: 1, at: '07:15' },
    'notify',
    ['alexw', 'adelev'],
    'Delivery note for order #45390',
    [
      'Order #45390 has been delivered to Example Redmond Store.',
      'Items: 8 x Display fixture DF-10. Signed by: A. Vance.',
    ],
    { plain: true },
  ),
  mail(
    'r-lunch-learn',
    { w: 2, d: 3, at: '08:20' },
    'adelev',
    ['alexw', 'meganb', 'isaiahl', 'lynner', 'pattif'],
    'Lunch and learn: accessible store design',
    [
      'Hi everyone,',
      'Join us on Thursday at 12:00 in the Redmond store for a short session on accessible store design. Lunch is provided; please reply if you have dietary requirements.',
    ],
  ),
  mail('r-contoso-training', { w: 2, d: 2, at: '13:05' }, 'raj', ['alexw'], 'Training dates for our sales managers', [
    'Hi Alex,',
    'Following up on the training request: our sales managers are available on the 12th or the 14th, in the morning. Either would work for a 90-minute session.',
  ]),
  mail('r-contoso-reference', { w: 3, d: 1, at: '11:50' }, 'dana', ['alexw'], 'Reference call request', [
    'Hi Alex,',
    'Our new division would like to speak with another retail customer of yours before expanding the rollout. Could you arrange a short reference call?',
  ]),
  mail(
    'r-planning-channel',
    { w: 3, d: 4, at: '10:10' },
    'lynner',
    ['alexw', 'meganb'],
    'Planning files moved to Teams',
    [
      'Hi both,',
      "From now on the planning workbooks live in the files of our team's General channel. The old share will become read-only next week.",
    ],
  ),
  mail('r-megan-thanks', { w: 2, d: 4, at: '17:45' }, 'meganb', ['alexw'], 'Thanks for covering the booth', [
    'Hi Alex,',
    'Thank you for covering the booth on Saturday. We collected 85 leads; I have passed them to Isaiah.',
  ]),
  mail(
    'r-isaiah-leads',
    { w: 1, d: 0, at: '14:30' },
    'isaiahl',
    ['alexw', 'meganb'],
    'Trade show leads: first results',
    [
      'Hi both,',
      'Of the 85 trade show leads, 12 have booked demos and 3 are already in late-stage conversations. Great work on the booth.',
    ],
  ),
];
