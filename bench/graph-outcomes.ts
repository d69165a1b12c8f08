/**
 * Realistic outcomes the rule planner plans today, run end to end for "Graph requests per
 * task". Add an outcome here (the exact sentence a person would type) and the bench measures it.
 */
export const GRAPH_OUTCOMES: readonly string[] = [
  'Email Megan Bowen a summary of my unread mail from Contoso',
  'Set up a 30 minute meeting with Megan and Adele next week about the launch',
  "Post a summary of this week's mail from Contoso to the General channel",
  'message Megan on Teams: the launch deck is ready for your review',
  'Reply to the latest post in General saying my planning numbers are in the workbook',
];
