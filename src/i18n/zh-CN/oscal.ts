import type { oscalMessages as en } from '../en/oscal';
/** 简体中文：oscal。Keys and {params} as in ../en/oscal.ts. */
export const oscalMessages: { [K in keyof typeof en]: string } = {
  'oscal.title': 'OSCAL (JSON)',
  'oscal.intro':
    '采用 NIST OSCAL 格式的机器可读文件，供治理、风险与合规工具使用。目录（catalog）包含条款和控制措施的编号、标题以及本应用的指南；适用性声明列出每一项及其适用性、理由、状态和负责人，并指向基线（profile），基线再指向目录：请将这三个文件放在同一文件夹中。',
  'oscal.version': 'OSCAL 版本',
  'oscal.version.help': '这些文件同时符合 OSCAL 1.1.3 和 1.2.1；此选项只决定文件中声明的版本。支持 1.1.3 的工具最多；如果您的工具要求 1.2.1，请选择 1.2.1。',
  'oscal.catalog': '目录（Catalog）',
  'oscal.profile': '基线（Profile）',
  'oscal.ssp': '适用性声明及实施状态',
  'oscal.done': '已保存 {file}（{size}）。',
};
