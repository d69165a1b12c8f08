import { mail, type MailSeed } from './mailTypes';

/** The current week: Contoso's renewal is heating up, and several messages are still unread. */
export const THIS_WEEK: readonly MailSeed[] = [
  mail('tw-contoso-pricing', { w: 0, f: 0.08 }, 'dana', ['alexw'], 'Re: Contoso renewal: revised pricing for FY27', [
    'Hi Alex,',
    'Thanks for turning the proposal around so quickly. Our finance team reviewed it on Friday and we can accept the per-seat price for the 1,200 existing seats, but we need the 300 additional seats at the volume tier.',
    'Could you confirm whether the volume tier can apply from the start of the renewal rather than from Q2? If so, I can get the purchase order approved before the end of the month.',
  ], { unread: true, high: true, thread: 'contoso-renewal', cc: ['meganb'] }),
  mail('tw-contoso-sso', { w: 0, f: 0.14 }, 'raj', ['alexw'], 'Contoso pilot: SSO integration questions', [
    'Hello Alex,',
    'Our identity team is preparing the single sign-on configuration for the pilot. Two questions: do you support SAML as well as OpenID Connect, and can we restrict the pilot to one security group during the first two weeks?',
    'We would like to start testing on the 15th, so an answer this week would keep us on schedule.',
  ], { unread: true, cc: ['isaiahl'] }),
  mail('tw-contoso-msa', { w: 0, f: 0.22 }, 'sofia', ['alexw'], 'Contoso MSA amendment - redlines attached', [
    'Dear Alex,',
    'Please find attached our redlines to the master services agreement amendment. The main changes are in section 7 (data residency) and section 11 (liability cap, which we propose to set at twelve months of fees).',
    'I am available Wednesday or Thursday afternoon for a call with your legal counsel if that would help.',
  ], { unread: true, attach: true, thread: 'contoso-msa' }),
  mail('tw-megan-brief', { w: 0, f: 0.27 }, 'meganb', ['alexw'], 'Campaign brief for the spring launch', [
    'Hi Alex,',
    'I have put the first draft of the spring launch campaign brief in the Marketing folder. Could you add the audience segments from last quarter and the budget split by channel?',
    'I would like to review it together before Thursday so we can share it with Patti on Friday.',
  ], { thread: 'spring-launch' }),
  mail('tw-fabrikam-shipping', { w: 0, f: 0.33 }, 'tom', ['alexw'], 'Fabrikam order #45821 shipping update', [
    'Hi Alex,',
    'Quick update on order #45821: the display units left our Rotterdam warehouse this morning and should arrive at your Redmond store on Tuesday next week.',
    'The remaining 40 brochure stands are back-ordered until the 20th. Let me know if you would prefer a partial delivery or to wait for the full order.',
  ], { unread: true, thread: 'fabrikam-45821' }),
  mail('tw-patti-allhands', { w: 0, f: 0.38 }, 'pattif', ['alexw', 'meganb', 'adelev', 'isaiahl', 'lynner'], 'All-hands moved to Thursday', [
    'Hi everyone,',
    'The monthly all-hands is moving to Thursday at 16:00 so that the Seattle team can join in person. The agenda is unchanged: quarterly results, the spring launch and the Contoso renewal.',
    'Please send me any questions you would like answered in advance.',
  ]),
  mail('tw-contoso-dana-followup', { w: 0, f: 0.45 }, 'dana', ['alexw'], 'Re: Contoso renewal: revised pricing for FY27', [
    'Hi Alex,',
    'One more thing: our CFO asked whether the renewal could include two days of on-site onboarding for the new teams. If that is possible at no extra cost, we are ready to sign.',
    'Could we set up a 30-minute call next week to close the remaining points?',
  ], { unread: true, thread: 'contoso-renewal' }),
  mail('tw-isaiah-lead', { w: 0, f: 0.52 }, 'isaiahl', ['alexw'], 'Lead from the Contoso webinar', [
    'Alex,',
    'One of the attendees of last week\'s webinar, from Contoso\'s Denver office, asked for a demo of the reporting add-on. She is not part of the renewal group, so this could be a separate opportunity.',
    'Can marketing send her the case study pack before I call her on Monday?',
  ], { unread: true }),
  mail('tw-fabrikam-invoice', { w: 0, f: 0.58 }, 'lena', ['alexw'], 'Invoice FAB-2291 due next week', [
    'Dear Alex,',
    'This is a friendly reminder that invoice FAB-2291 for 18,450.00 USD (display fixtures, order #45390) is due for payment next Friday.',
    'If the payment has already been scheduled, please disregard this message.',
  ], { attach: true }),
  mail('tw-adele-photos', { w: 0, f: 0.64 }, 'adelev', ['alexw'], 'Store display photos for review', [
    'Hi Alex,',
    'Attached are photos of the new window display in the Redmond store. The lighting on the left panel still needs adjusting, but the layout follows the brand guidelines.',
    'Let me know if marketing wants any changes before we roll it out to the other stores.',
  ], { attach: true }),
  mail('tw-lynne-q3', { w: 0, f: 0.71 }, 'lynner', ['alexw', 'meganb'], 'Q3 planning workbook - your numbers by Friday', [
    'Hi Alex and Megan,',
    'The Q3 planning workbook is ready. Please fill in the marketing tab (campaign spend, expected leads and headcount) by Friday noon so I can consolidate it for Patti.',
    'The workbook is in the Planning channel files.',
  ], { unread: true }),
  mail('tw-contoso-raj-followup', { w: 0, f: 0.8 }, 'raj', ['alexw'], 'Re: Contoso pilot: SSO integration questions', [
    'Hi Alex,',
    'Adding one item to my earlier list: our security team needs your latest SOC 2 report before the pilot can start. Could you share it under our NDA?',
  ], { unread: true, cc: ['isaiahl'] }),
  mail('tw-priya-event', { w: 0, f: 0.86 }, 'priya', ['alexw'], 'Speaker slot at the Litware Retail Summit', [
    'Hello Alex,',
    'We would be delighted to have Example present a 20-minute case study at the Litware Retail Summit in May. The session could focus on your in-store digital displays.',
    'Please let me know by the end of the month whether you are interested.',
  ]),
  mail('tw-alex-to-megan', { w: 0, f: 0.9 }, 'alexw', ['meganb'], 'Re: Campaign brief for the spring launch', [
    'Hi Megan,',
    'I have added the audience segments and a first budget split. Paid social looks high compared with last spring; can we talk it through on Thursday?',
  ], { thread: 'spring-launch' }),
];
