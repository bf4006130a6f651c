import { describe, expect, it } from 'vitest';
import type { TrashTable } from '../../src/db/trash-entry';
import type { MessageKey } from '../../src/i18n/messages-en';
import { en } from '../../src/i18n/messages-en';
import { zhCN } from '../../src/i18n/messages-zh-CN';

/**
 * What a delete question says must match what the delete does. Records of these tables go to the
 * Trash (see trash-repo.ts), so their questions name the Trash and never claim the delete is final;
 * the deletes that really are final say so. (Walkthrough answers are never deleted, only cleared.)
 */
const TRASH_BOUND: Record<Exclude<TrashTable, 'evidenceFiles' | 'assessments'>, MessageKey[]> = {
  risks: ['risk.deleteConfirmBody'],
  aiSystems: ['systems.deleteConfirmBody'],
  ownControls: ['controls.deleteConfirmBody'],
  impactAssessments: ['ia.deleteBody'],
  cycleRecords: ['cycleUi.deleteBody'],
  evidence: ['evidence.removeConfirm'],
};
const FINAL: MessageKey[] = ['workspaces.deleteConfirmBody', 'trash.emptyConfirmBody', 'trash.deleteConfirmBody'];

const languages = [
  {
    name: 'en',
    messages: en as Record<string, string>,
    trash: /\bTrash\b/,
    restore: /restore/i,
    final: /cannot be undone|can(no|')t be restored|for good|permanent/i,
  },
  { name: 'zh-CN', messages: zhCN as Record<string, string>, trash: /回收站/, restore: /恢复/, final: /无法撤销|不可撤销|不能撤销|无法恢复|不能恢复|永久/ },
];

describe('delete questions', () => {
  for (const { name, messages, trash, restore, final } of languages) {
    it(`${name}: a delete that goes to the Trash says so, says how to get it back, and never calls itself final`, () => {
      for (const key of Object.values(TRASH_BOUND).flat()) {
        const text = messages[key] ?? '';
        expect(text, key).toMatch(trash);
        expect(text, key).toMatch(restore);
        expect(text, key).not.toMatch(final);
      }
    });

    it(`${name}: a delete that is final says so`, () => {
      for (const key of FINAL) expect(messages[key] ?? '', key).toMatch(final);
    });
  }
});
