import type { conflictMessages as en } from '../en/conflict';
/** 简体中文：conflict。Keys and {params} as in ../en/conflict.ts. */
export const conflictMessages: { [K in keyof typeof en]: string } = {
  'conflict.title': '已在另一个标签页中更改',
  'conflict.body': '您在此处编辑时，{record} 的“{field}”已在另一个标签页中被更改。目前尚未保存任何内容：请选择要保留的版本。',
  'conflict.theirs': '当前已保存的版本（来自另一个标签页）',
  'conflict.mine': '您的版本（此标签页）',
  'conflict.keepMine': '保留我的',
  'conflict.keepTheirs': '保留对方的',
  'conflict.empty': '（空）',
};
