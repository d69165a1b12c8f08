import { mail, type MailSeed } from './mailTypes';

/** Last week: the renewal starts, the launch gets planned, suppliers chase paperwork. */
export const LAST_WEEK: readonly MailSeed[] = [
  mail('lw-contoso-kickoff', { w: 1, d: 0, at: '09:12' }, 'dana', ['alexw'], 'Contoso renewal: revised pricing for FY27', [
    'Hi Alex,',
    'As discussed, our current agreement ends in eight weeks. We would like to renew for three years and add about 300 seats for the teams joining from our acquisition.',
    'Could you send a revised proposal with volume pricing by the end of next week?',
  ], { thread: 'contoso-renewal', cc: ['meganb'] }),
  mail('lw-alex-contoso-reply', { w: 1, d: 0, at: '11:40' }, 'alexw', ['dana'], 'Re: Contoso renewal: revised pricing for FY27', [
    'Hi Dana,',
    'Thank you, we are glad Contoso wants to continue. I will prepare the proposal with Megan and send it by Thursday.',
  ], { thread: 'contoso-renewal', cc: ['meganb'] }),
  mail('lw-megan-weekly', { w: 1, d: 0, at: '08:30' }, 'meganb', ['alexw', 'adelev', 'lynner'], 'Marketing weekly: priorities for this week', [
    'Good morning team,',
    'Priorities this week: finish the Contoso proposal (Alex), store display rollout plan (Adele), Q3 budget assumptions (Lynne).',
    'Our sync stays on Monday at 10:00. Please update the tracker before then.',
  ]),
  mail('lw-fabrikam-quote', { w: 1, d: 1, at: '10:05' }, 'tom', ['alexw'], 'Quote for 60 brochure stands', [
    'Hi Alex,',
    'Please find attached the quote for 60 brochure stands in the new matte finish. Unit price is 86 USD, with free shipping above 50 units.',
    'The quote is valid for 30 days.',
  ], { attach: true }),
  mail('lw-isaiah-pipeline', { w: 1, d: 1, at: '16:22' }, 'isaiahl', ['alexw', 'pattif'], 'Pipeline review: three deals at risk', [
    'Hi Patti, hi Alex,',
    'Ahead of Thursday\'s review: the Northwind, Tailspin and Relecloud deals have slipped by a month. Northwind is waiting on their budget cycle; the other two want a pricing concession.',
    'I suggest we hold the concessions until the Contoso renewal is signed.',
  ]),
  mail('lw-patti-offsite', { w: 1, d: 2, at: '09:00' }, 'pattif', ['alexw', 'meganb', 'adelev', 'isaiahl', 'lynner'], 'Save the date: leadership offsite', [
    'Hi all,',
    'Please hold two days next month for our planning offsite in Bellevue. We will finalise the annual plan and the retail expansion.',
    'Details and the agenda will follow.',
  ]),
  mail('lw-carlos-partnership', { w: 1, d: 2, at: '14:48' }, 'carlos', ['alexw'], 'Co-marketing with Northwind Traders', [
    'Hi Alex,',
    'Northwind would be interested in a joint campaign for the spring season, pairing our products with your in-store displays in ten locations.',
    'Do you have time for an introductory call in the next two weeks?',
  ]),
  mail('lw-adele-rollout', { w: 1, d: 3, at: '08:55' }, 'adelev', ['alexw', 'meganb'], 'Display rollout plan for 12 stores', [
    'Hi both,',
    'Here is the rollout plan: Redmond and Bellevue first, then the eight Seattle stores, then Portland and Spokane. Each installation takes half a day.',
    'We depend on the Fabrikam delivery for the brochure stands, so the last stores may slip a week.',
  ], { attach: true }),
  mail('lw-alex-proposal', { w: 1, d: 3, at: '17:30' }, 'alexw', ['dana'], 'Contoso renewal proposal', [
    'Hi Dana,',
    'Please find attached our renewal proposal: three years, 1,500 seats, with the volume tier applied to new seats from Q2. Happy to walk you through it.',
  ], { thread: 'contoso-renewal', attach: true, cc: ['meganb'] }),
  mail('lw-lynne-budget', { w: 1, d: 3, at: '11:15' }, 'lynner', ['alexw'], 'Budget assumptions for the spring launch', [
    'Hi Alex,',
    'Could you confirm the assumptions I used for the spring launch: 120,000 USD total, 45% paid social, 30% in-store, 25% events?',
    'If they change, I need to rerun the forecast before Friday.',
  ]),
  mail('lw-fabrikam-order-confirm', { w: 1, d: 4, at: '07:02' }, 'notify', ['alexw'], 'Order confirmation #45821', [
    'Order #45821 has been received.',
    'Items: 12 x Display unit DX-200, 60 x Brochure stand BS-60 (matte). Estimated dispatch: 5 business days.',
    'Track your order in the Fabrikam customer portal.',
  ], { plain: true, thread: 'fabrikam-45821' }),
  mail('lw-megan-creative', { w: 1, d: 4, at: '10:20' }, 'meganb', ['alexw'], 'Creative review moved to 14:00', [
    'Hi Alex,',
    'The agency asked to move the creative review to 14:00 today. Same Teams link.',
  ]),
  mail('lw-sofia-nda', { w: 1, d: 4, at: '13:37' }, 'sofia', ['alexw'], 'NDA for the Contoso pilot', [
    'Dear Alex,',
    'Before the technical pilot starts, our teams need a mutual NDA in place. I have attached our standard template; please let me know if your legal team prefers theirs.',
  ], { attach: true, thread: 'contoso-msa' }),
  mail('lw-isaiah-win', { w: 1, d: 4, at: '15:05' }, 'isaiahl', ['alexw', 'meganb', 'pattif'], 'Closed: Alpine Ski House expansion', [
    'Team,',
    'Alpine Ski House signed the expansion this afternoon: 220 seats for two years. Thanks to marketing for the case study, which made the difference.',
  ]),
  mail('lw-megan-to-adele', { w: 1, d: 2, at: '12:10' }, 'meganb', ['adelev'], 'Signage proofs', [
    'Hi Adele,',
    'The printer sent proofs for the window signage. Could you check the dimensions for the Bellevue store before I approve them?',
  ]),
  mail('lw-patti-to-isaiah', { w: 1, d: 3, at: '18:02' }, 'pattif', ['isaiahl'], 'Re: Pipeline review: three deals at risk', [
    'Isaiah,',
    'Agreed on holding the concessions. Let us talk about Northwind on Thursday; I know their CFO.',
  ]),
];
