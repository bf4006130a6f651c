import type { tasksMessages as en } from '../en/tasks';
/** 简体中文：tasks。Keys and {params} as in ../en/tasks.ts. */
export const tasksMessages: { [K in keyof typeof en]: string } = {
  'tasks.intro':
    '将整个工作区中所有带日期的事项汇总到一个列表中：逐项检查的目标日期、风险处置及其评审、文件评审、目标、审核、管理评审及其措施、不符合项等。已完成的事项会从列表中移除。可将列表下载为日历文件，把这些日期导入您自己的日历。',
  'tasks.assessmentReview': '影响评估复审',
  'tasks.owner': '负责人',
  'tasks.everybody': '所有人',
  'tasks.nobody': '未指派',
  'tasks.show': '显示',
  'tasks.state.overdue': '已逾期',
  'tasks.state.soon': '14 天内到期',
  'tasks.state.later': '以后',
  'tasks.download': '下载为日历（.ics）',
  'tasks.downloaded': '已下载包含 {count} 项任务的日历文件。',
  'tasks.count': '显示 {count} 项，共 {total} 项未完成任务',
  'tasks.empty': '尚无带日期的事项。',
  'tasks.emptyText': '您在逐项检查和各登记册中设定的日期（下次评审、截止日期、审核等）会作为任务显示在这里，并按临近程度分组。',
  'tasks.emptyAction': '前往管理体系',
  'tasks.date': '日期',
  'tasks.task': '任务',
  'tasks.what': '待办内容',
  'tasks.calendarName': 'AIMS 任务 — {workspace}',
  'tasks.icsDescription': '{what}。负责人：{owner}。工作区：{workspace}。',
};
