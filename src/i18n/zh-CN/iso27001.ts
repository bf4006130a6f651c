import type { iso27001Messages as en } from '../en/iso27001';
/** 简体中文：iso27001。Keys and {params} as in ../en/iso27001.ts. */
export const iso27001Messages: { [K in keyof typeof en]: string } = {
  'iso27001.heading': 'ISO/IEC 27001:2022',
  'iso27001.none': '没有与本项重叠的 ISO/IEC 27001 条款或控制。',
  'iso27001.clause': '条款 {id}',
  'iso27001.control': '控制 {id}',

  'iso27001.coverage.intro':
    '按本项目自己的判断，您已实施的项与 ISO/IEC 27001:2022 条款和附录 A 控制的对应之处。仅列出与某个 ISO/IEC 42001 项重叠的条款和控制。',
  'iso27001.coverage.summary': '共 {total} 个相关条款和控制：{touched} 个已由已实施的项涉及，{inProgress} 个仅由进行中的项涉及，{untouched} 个未涉及。',
  'iso27001.coverage.notMapped': '其余 {count} 个附录 A 控制（物理安全、网络、访问控制等）与人工智能管理体系的各项不重叠，因此未列出。',
  'iso27001.coverage.clauses': '条款 4–10',
  'iso27001.coverage.theme': '附录 A {id}：{title}',
  'iso27001.coverage.untouched': '尚未涉及的相关条款和控制',
  'iso27001.sources': 'ISO/IEC 27001:2022：仅使用条款和附录 A 控制的编号及标题作为标识。对应关系及其依据出自本项目自己的判断。',

  'iso27001.isms.marker': '您的信息安全管理体系记录可作为本项的证据：ISO/IEC 27001 {refs}。',
  'iso27001.isms.hint': '可直接关联已有的信息安全管理体系记录，无需再次上传：请使用下方的“关联已有证据”。',

  'evidence.link.heading': '关联已有证据',
  'evidence.link.help': '已为其他项记录的文件或链接（例如信息安全方针）也可作为本项的证据，无需再次上传。',
  'evidence.link.pick': '要关联的证据',
  'evidence.link.choose': '选择证据…',
  'evidence.link.optionFile': '{title}（{name}），{items} 的证据',
  'evidence.link.optionLink': '{title}（{name}），{items} 的证据',
  'evidence.link.submit': '关联',
  'evidence.link.required': '请选择要关联的证据。',
  'evidence.link.none': '其他项尚未记录任何证据。',
  'evidence.link.done': '{title} 现在也是 {id} 的证据。',
  'history.field.linkedItemIds': '也作为以下项的证据',
};
