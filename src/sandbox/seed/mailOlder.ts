import { mail, type MailSeed } from './mailTypes';

/** Two and three weeks ago: routine business that gives the inbox depth. */
export const OLDER: readonly MailSeed[] = [
  mail('o2-contoso-usage', { w: 2, d: 0, at: '10:30' }, 'raj', ['alexw'], 'Contoso usage report for Q4', [
    'Hi Alex,',
    'Thanks for the usage report. Adoption is strongest in finance and operations; sales lags behind. Could your team run a short training for our sales managers?',
  ]),
  mail(
    'o2-megan-plan',
    { w: 2, d: 0, at: '09:05' },
    'meganb',
    ['alexw', 'adelev'],
    'Spring launch: first plan',
    [
      'Hi both,',
      'Attached is the first plan for the spring launch. The launch date is pencilled in for the first week of April, with in-store activity starting a week earlier.',
    ],
    { attach: true, thread: 'spring-launch' },
  ),
  mail(
    'o2-tom-catalog',
    { w: 2, d: 1, at: '11:11' },
    'tom',
    ['alexw'],
    'Fabrikam spring catalogue',
    [
      'Hi Alex,',
      'Our spring catalogue is out. The new modular display line might fit your store refresh; I can bring samples when I am in Redmond next month.',
    ],
    { attach: true },
  ),
  mail('o2-lynne-forecast', { w: 2, d: 1, at: '15:40' }, 'lynner', ['alexw', 'pattif'], 'Revenue forecast update', [
    'Hi Patti, hi Alex,',
    'The updated forecast shows retail up 6% and enterprise flat, mainly because of the delayed Contoso renewal. I will update it once the renewal is signed.',
  ]),
  mail('o2-adele-inventory', { w: 2, d: 2, at: '08:45' }, 'adelev', ['alexw'], 'Inventory count at Redmond', [
    'Hi Alex,',
    'The inventory count is done. We are short on the small brochure stands, so I have asked Fabrikam for a quote.',
  ]),
  mail(
    'o2-patti-results',
    { w: 2, d: 2, at: '17:00' },
    'pattif',
    ['alexw', 'meganb', 'adelev', 'isaiahl', 'lynner'],
    'Quarterly results',
    [
      'Hi everyone,',
      'We closed the quarter at 104% of target. Retail had its best quarter ever; enterprise renewals are the priority for the next one.',
      'Thank you all for the hard work.',
    ],
  ),
  mail('o2-priya-invite', { w: 2, d: 3, at: '13:20' }, 'priya', ['alexw'], 'Invitation: Litware Retail Summit', [
    'Hello Alex,',
    'You are invited to the Litware Retail Summit in May. Early-bird registration closes at the end of the month.',
  ]),
  mail('o2-isaiah-contoso', { w: 2, d: 3, at: '10:02' }, 'isaiahl', ['alexw'], 'Contoso: who is the decision maker?', [
    'Alex,',
    'For the renewal, Dana Whitman leads procurement but their CFO signs anything above 500k. Raj Patel owns the technical evaluation. Worth keeping all three in the loop.',
  ]),
  mail(
    'o2-lena-statement',
    { w: 2, d: 4, at: '09:30' },
    'lena',
    ['alexw'],
    'Fabrikam statement of account',
    [
      'Dear Alex,',
      'Please find attached your statement of account. Two invoices are open: FAB-2240 (paid, pending allocation) and FAB-2291 (due next month).',
    ],
    { attach: true },
  ),
  mail('o2-megan-agency', { w: 2, d: 4, at: '14:14' }, 'meganb', ['alexw'], 'Agency shortlist', [
    'Hi Alex,',
    'I have narrowed the agencies for the launch video to two. Could you check their references this week?',
  ]),
  mail(
    'o3-dana-intro',
    { w: 3, d: 0, at: '10:00' },
    'dana',
    ['alexw'],
    'Introduction: new procurement lead at Contoso',
    [
      'Hi Alex,',
      'I have taken over vendor management at Contoso from Mark. I look forward to working with you on the renewal later this quarter.',
    ],
  ),
  mail(
    'o3-patti-kickoff',
    { w: 3, d: 0, at: '08:00' },
    'pattif',
    ['alexw', 'meganb', 'adelev', 'isaiahl', 'lynner'],
    'Kick-off for the new quarter',
    [
      'Hi all,',
      'Three priorities this quarter: renew our top five enterprise customers, launch the spring collection, and open two new stores.',
    ],
  ),
  mail(
    'o3-megan-onboarding',
    { w: 3, d: 1, at: '09:20' },
    'meganb',
    ['alexw'],
    'Your marketing goals for the quarter',
    [
      'Hi Alex,',
      'As discussed, your goals for the quarter: own the Contoso renewal communications, support the spring launch, and grow the newsletter to 20,000 subscribers.',
    ],
  ),
  mail('o3-carlos-hello', { w: 3, d: 1, at: '16:45' }, 'carlos', ['alexw'], 'Northwind Traders: nice meeting you', [
    'Hi Alex,',
    'It was great meeting you at the trade show. I will be in touch about a possible joint campaign in the spring.',
  ]),
  mail(
    'o3-adele-hours',
    { w: 3, d: 2, at: '11:30' },
    'adelev',
    ['alexw', 'lynner'],
    'Store opening hours for the holidays',
    [
      'Hi both,',
      'Here are the adjusted store hours for the holiday weekend. Please update the website and the newsletter.',
    ],
  ),
  mail('o3-tom-intro', { w: 3, d: 2, at: '14:05' }, 'tom', ['alexw'], 'Fabrikam: your new account manager', [
    'Hi Alex,',
    'I am your new account manager at Fabrikam. I will visit Redmond next month; let me know what works for you.',
  ]),
  mail(
    'o3-lynne-template',
    { w: 3, d: 3, at: '10:40' },
    'lynner',
    ['alexw', 'meganb', 'adelev'],
    'New planning template',
    [
      'Hi all,',
      'I have published a new planning template with the quarterly targets pre-filled. Please use it from now on.',
    ],
  ),
  mail(
    'o3-isaiah-webinar',
    { w: 3, d: 3, at: '15:55' },
    'isaiahl',
    ['alexw'],
    'Webinar for Contoso and other enterprise accounts',
    [
      'Alex,',
      'Could marketing host a webinar for our enterprise accounts on the new reporting features? Contoso asked for one specifically.',
    ],
  ),
  mail('o3-raj-outage', { w: 3, d: 4, at: '09:10' }, 'raj', ['alexw'], 'Service incident last night', [
    'Hi Alex,',
    'Several of our users could not sign in last night between 22:00 and 23:30. Could you share the incident report when it is available?',
  ]),
  mail('o3-megan-newsletter', { w: 3, d: 4, at: '12:25' }, 'meganb', ['alexw'], 'Newsletter draft for review', [
    'Hi Alex,',
    'The newsletter draft is ready for your review. Please check the product section and the store events.',
  ]),
  mail('o3-megan-to-lynne', { w: 3, d: 2, at: '09:50' }, 'meganb', ['lynner'], 'Marketing headcount', [
    'Hi Lynne,',
    'For the planning template: marketing headcount stays at four this quarter, with one contractor for the launch.',
  ]),
  mail(
    'o3-adele-to-patti',
    { w: 3, d: 4, at: '16:30' },
    'adelev',
    ['pattif'],
    'New store candidates',
    [
      'Hi Patti,',
      'I visited both candidate locations for the new stores. Kirkland has better foot traffic; Tacoma is cheaper. Summary attached.',
    ],
    { attach: true },
  ),
];
