/** UI strings for one area; merged into the catalogue by ../messages-en.ts. */
export const tasksMessages = {
  'tasks.intro':
    'Every dated item across the workspace in one list: walkthrough target dates, risk treatments and reviews, document reviews, objectives, audits, management reviews and their actions, nonconformities and more. Finished items drop off the list. Download the list as a calendar file to put the dates into your own calendar.',
  'tasks.assessmentReview': 'Impact assessment review',
  'tasks.owner': 'Owner',
  'tasks.everybody': 'Everybody',
  'tasks.nobody': 'Nobody assigned',
  'tasks.show': 'Show',
  'tasks.state.overdue': 'Overdue',
  'tasks.state.soon': 'Due in the next 14 days',
  'tasks.state.later': 'Later',
  'tasks.download': 'Download as calendar (.ics)',
  'tasks.downloaded': 'Calendar file with {count, plural, one {# task} other {# tasks}} downloaded.',
  'tasks.count': '{count} of {total, plural, one {# open task} other {# open tasks}} shown',
  'tasks.empty': 'Nothing is dated yet.',
  'tasks.emptyText':
    'Dates you set in the walkthrough and the registers (next reviews, due dates, audits) appear here as tasks, grouped by how soon they fall.',
  'tasks.emptyAction': 'Go to the management system',
  'tasks.date': 'Date',
  'tasks.task': 'Task',
  'tasks.what': 'What is due',
  'tasks.calendarName': 'AIMS tasks — {workspace}',
  'tasks.icsDescription': '{what}. Owner: {owner}. Workspace: {workspace}.',
} as const;
