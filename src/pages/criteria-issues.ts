import type { MatrixIssue, MatrixIssueCode, Scale } from '../domain/ciso-matrix';
import { formatBytes, t, type MessageKey } from '../i18n/i18n';

const MESSAGES: Record<MatrixIssueCode, MessageKey> = {
  'file-too-large': 'criteria.issue.fileTooLarge',
  'not-json': 'criteria.issue.notJson',
  'not-yaml': 'criteria.issue.notYaml',
  'too-deep': 'criteria.issue.tooDeep',
  'yaml-aliases': 'criteria.issue.yamlAliases',
  'yaml-tag': 'criteria.issue.yamlTag',
  'no-matrix': 'criteria.issue.noMatrix',
  'list-empty': 'criteria.issue.listEmpty',
  'text-missing': 'criteria.issue.textMissing',
  'text-type': 'criteria.issue.textType',
  'text-too-long': 'criteria.issue.textTooLong',
  'scale-not-list': 'criteria.issue.scaleNotList',
  'scale-size': 'criteria.issue.scaleSize',
  'level-not-object': 'criteria.issue.levelNotObject',
  'level-text-missing': 'criteria.issue.levelTextMissing',
  'level-text-type': 'criteria.issue.levelTextType',
  'level-text-too-long': 'criteria.issue.levelTextTooLong',
  hexcolor: 'criteria.issue.hexcolor',
  'risk-ids': 'criteria.issue.riskIds',
  'grid-not-list': 'criteria.issue.gridNotList',
  'grid-rows': 'criteria.issue.gridRows',
  'grid-row-cells': 'criteria.issue.gridRowCells',
  'grid-cell': 'criteria.issue.gridCell',
  'grid-cell-too-large': 'criteria.issue.gridCellTooLarge',
  threshold: 'criteria.issue.threshold',
  invalid: 'criteria.issue.invalid',
};
const SCALE_NAME: Record<Scale, MessageKey> = { probability: 'criteria.scale.probability', impact: 'criteria.scale.impact', risk: 'criteria.scale.risk' };

/**
 * One sentence per problem. For a file the file's field names stay ("probability level 2: …") so the
 * user finds the field in the file; in the editor the scales carry their on-screen names.
 */
export function describeIssue(issue: MatrixIssue, where: 'file' | 'editor'): string {
  const params = { ...issue.params };
  if (issue.code === 'file-too-large') Object.assign(params, { size: formatBytes(Number(params.size)), max: formatBytes(Number(params.max)) });
  if (where === 'editor' && typeof params.scale === 'string') params.scale = t(SCALE_NAME[params.scale as Scale]);
  if (where === 'editor' && (issue.field === 'name' || issue.field === 'description'))
    params.field = t(issue.field === 'name' ? 'criteria.name' : 'criteria.description');
  return t(MESSAGES[issue.code], params);
}
