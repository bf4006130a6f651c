import type { shellMessages as en } from '../en/shell';

/** 命令框（Ctrl+K）：随其加载，不计入首屏。 */
export const shellMessages: { [K in keyof typeof en]: string } = {
  'search.label': '搜索或跳转到页面、条款、控制措施或记录',
  'search.placeholder': '页面、编号（如 6.1.3 或 A.8.3）、编号引用（如 R-002）或关键词',
  'search.group.pages': '页面',
  'search.group.items': '条款与控制措施',
  'search.group.records': '记录',
  'search.none': '没有与“{query}”匹配的结果。',
  'search.hint': '上下方向键选择，Enter 打开，Esc 关闭。',
  'search.count': '{count} 个结果',
  'search.clause': '条款',
  'search.control': '附录 A 控制措施',
  'search.kind.risk': '风险',
  'search.kind.system': 'AI 系统',
  'search.kind.control': '自有控制措施',
  'search.kind.assessment': '影响评估，第 {version} 版',
};
