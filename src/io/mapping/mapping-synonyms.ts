/**
 * Words people put in the header row and cells of their own registers, in English and Chinese.
 * Written as people type them; every lookup compares normalised forms (normHeader). A field's
 * declared column and English label count as synonyms too (mapping-targets adds them).
 */

/** Header synonyms per target key. Risk register first, then the AI system inventory. */
export const riskHeaderSynonyms: Record<string, readonly string[]> = {
  title: ['title', 'name', 'risk', 'risk name', 'risk title', 'risk event', 'threat', '风险', '风险名称', '名称', '标题', '风险标题', '风险事件'],
  description: ['description', 'details', 'desc', 'risk description', 'scenario', '描述', '说明', '风险描述', '详细描述', '情景'],
  owner: ['owner', 'risk owner', 'responsible', 'responsible person', 'accountable', '负责人', '责任人', '风险负责人', '风险责任人', '所有者', '风险所有者'],
  inherentLikelihood: ['likelihood', 'probability', 'inherent likelihood', 'inherent probability', 'likelihood score', 'gross likelihood', '可能性', '概率', '发生可能性', '固有可能性', '可能性等级'],
  inherentImpact: ['impact', 'severity', 'consequence', 'inherent impact', 'impact score', 'gross impact', '影响', '严重程度', '严重性', '影响程度', '固有影响', '后果'],
  residualLikelihood: ['residual likelihood', 'residual probability', 'net likelihood', 'target likelihood', '剩余可能性', '残余可能性', '残余风险可能性'],
  residualImpact: ['residual impact', 'residual severity', 'net impact', 'target impact', '剩余影响', '残余影响', '残余风险影响'],
  status: ['status', 'state', 'risk status', '状态', '风险状态'],
  treatment: ['treatment', 'treatment option', 'response', 'risk response', 'strategy', '处置', '应对', '处置方式', '应对方式', '应对策略', '处置选项'],
  treatmentPlan: ['treatment plan', 'actions', 'action plan', 'mitigation', 'mitigations', 'mitigation plan', 'planned actions', '处置计划', '应对计划', '措施', '缓解措施', '应对措施', '行动计划'],
  treatmentDue: ['due date', 'due', 'target date', 'deadline', 'completion date', 'treatment due', '到期日', '截止日期', '完成日期', '期限', '计划完成日期'],
  nextReview: ['next review', 'review date', 'next review date', '下次评审', '评审日期', '复审日期', '下次评审日期'],
  aiSystemIds: ['system', 'systems', 'ai system', 'ai systems', 'system name', 'affected system', 'ai 系统', '系统', '系统名称', '人工智能系统', '相关系统'],
  annexAControls: ['annex a', 'annex a controls', 'controls', 'control', 'iso 42001 controls', '控制', '控制措施', '附录a', '附录a控制', '附录a控制措施'],
  riskSource: ['risk source', 'source', '风险源', '风险来源'],
  objectives: ['objectives', 'affected objectives', '目标', '受影响目标'],
  consequenceOrganization: ['consequences', 'business impact', '对组织的后果', '组织后果'],
  consequenceIndividuals: ['impact on individuals', '对个人的后果', '个人后果'],
  consequenceSociety: ['impact on society', '对社会的后果', '社会后果'],
  acceptedBy: ['accepted by', 'risk acceptance by', '接受人', '批准人'],
  acceptedOn: ['accepted on', 'acceptance date', '接受日期', '批准日期'],
  acceptanceNote: ['acceptance note', 'acceptance rationale', '接受说明', '接受理由'],
};

export const aiSystemHeaderSynonyms: Record<string, readonly string[]> = {
  name: ['name', 'system', 'system name', 'ai system', 'ai system name', 'model', 'application', 'ai 系统', '名称', '系统', '系统名称', '人工智能系统', '应用名称'],
  description: ['description', 'details', 'desc', '描述', '说明', '系统描述'],
  purpose: ['purpose', 'intended purpose', 'use case', 'intended use', '用途', '目的', '预期用途', '使用场景'],
  role: ['role', 'our role', 'organisation role', 'organization role', '角色', '我方角色'],
  systemType: ['type', 'system type', 'kind', '类型', '系统类型'],
  lifecycleStage: ['lifecycle', 'life cycle', 'lifecycle stage', 'stage', 'phase', '生命周期', '阶段', '生命周期阶段'],
  inScope: ['in scope', 'scope', 'aims scope', '范围', '是否在范围内', '纳入范围'],
  status: ['status', 'state', '状态', '系统状态'],
  owner: ['owner', 'system owner', 'responsible', 'business owner', '负责人', '责任人', '系统负责人', '所有者'],
  suppliers: ['supplier', 'suppliers', 'vendor', 'vendors', 'provider', 'third party', '供应商', '第三方'],
  dataSources: ['data', 'data sources', 'data used', 'training data', '数据', '数据来源', '训练数据'],
  personalData: ['personal data', 'pii', 'personal information', '个人数据', '个人信息'],
  affectedParties: ['users', 'affected parties', 'stakeholders', '用户', '受影响方', '相关方'],
  deploymentContext: ['deployment', 'deployment context', 'environment', '部署', '部署环境'],
  euAiActCategory: ['eu ai act', 'eu ai act category', 'risk category', 'ai act', '欧盟ai法案', '欧盟人工智能法案', '风险类别'],
  annexIIIArea: ['annex iii', 'annex iii area', '附件三', '附件iii'],
  euAiActNote: ['eu ai act note', 'ai act note', '法案说明'],
};

/** Headers that name a column we never import (ids, row numbers, computed levels): suggested "ignore". */
export const ignoredHeaders: readonly string[] = [
  'id', 'ref', 'no', 'nr', 'number', '#', 'risk id', 'risk no', 'risk ref', 'system id', 'item',
  'level', 'risk level', 'score', 'risk score', 'rating', 'risk rating', 'inherent level', 'residual level', 'rpn',
  '编号', '序号', '风险编号', '系统编号', '风险等级', '风险值', '等级', '评分', '风险评分',
];

/** Title cells that mark a totals row. */
export const totalWords: readonly string[] = ['total', 'totals', 'grand total', 'sum', 'subtotal', 'sub total', 'count', '合计', '总计', '小计', '总数', '合計', '總計'];

/**
 * Generic rating words by rank on a five-step scale (very low … very high). Used only when no
 * level of the workspace's own scale has the word as its name or abbreviation.
 */
export const levelWords: readonly (readonly string[])[] = [
  ['very low', 'extremely low', 'vl', 'rare', 'negligible', 'insignificant', 'remote', '极低', '很低', '非常低', '罕见', '可忽略', '极小'],
  ['low', 'l', 'unlikely', 'minor', '低', '较低', '不太可能', '轻微', '小'],
  ['medium', 'moderate', 'm', 'mid', 'possible', '中', '中等', '一般', '可能', '适中'],
  ['high', 'h', 'likely', 'major', 'significant', '高', '较高', '很可能', '重大', '严重', '大'],
  ['very high', 'extremely high', 'vh', 'almost certain', 'certain', 'severe', 'critical', 'catastrophic', '极高', '很高', '非常高', '几乎确定', '灾难性', '极其严重', '极大'],
];

/** Cell words for enum options, per register and field key, keyed by option value. */
export const enumValueSynonyms: Record<string, Record<string, readonly string[]>> = {
  'risks.status': {
    identified: ['open', 'new', 'identified', 'raised', 'draft', '新建', '已识别', '识别', '打开', '开放', '待处理', '未处理'],
    assessed: ['assessed', 'analysed', 'analyzed', 'evaluated', '已评估', '评估', '已分析'],
    treating: ['treating', 'in progress', 'ongoing', 'mitigating', 'in treatment', 'wip', '处理中', '处置中', '进行中', '整改中', '应对中'],
    monitoring: ['monitoring', 'monitored', 'under review', '监控', '监控中', '监测中', '持续监控'],
    closed: ['closed', 'done', 'resolved', 'complete', 'completed', 'mitigated', '关闭', '已关闭', '完成', '已完成', '已解决'],
  },
  'risks.treatment': {
    modify: ['modify', 'mitigate', 'reduce', 'treat', 'control', 'mitigation', '减轻', '降低', '缓解', '控制', '修改', '处置'],
    avoid: ['avoid', 'terminate', 'eliminate', 'avoidance', '规避', '避免', '消除', '终止'],
    share: ['share', 'transfer', 'insure', 'outsource', '转移', '分担', '共享', '外包', '保险'],
    retain: ['retain', 'accept', 'tolerate', 'acceptance', '接受', '保留', '容忍', '自留'],
  },
  'aiSystems.status': {
    planned: ['planned', 'plan', 'proposed', 'pilot', 'planning', '计划', '计划中', '规划中', '试点'],
    active: ['active', 'live', 'production', 'in production', 'in use', 'operational', 'running', '运行', '运行中', '在用', '使用中', '上线', '生产'],
    suspended: ['suspended', 'paused', 'on hold', '暂停', '已暂停', '挂起'],
    retired: ['retired', 'decommissioned', 'withdrawn', 'sunset', '退役', '已退役', '停用', '下线', '已下线'],
  },
  'aiSystems.inScope': {
    yes: ['yes', 'y', 'true', 'in scope', 'in', '是', '在范围内', '纳入'],
    no: ['no', 'n', 'false', 'out of scope', 'out', '否', '不在范围内', '不纳入'],
    undecided: ['undecided', 'tbd', 'unknown', 'to be decided', '待定', '未定', '未知'],
  },
  'aiSystems.personalData': {
    unknown: ['unknown', 'tbd', '未知', '待定'],
    none: ['none', 'no', 'n', 'false', '无', '否', '没有'],
    personal: ['personal', 'yes', 'y', 'true', 'pii', '是', '有', '个人数据', '个人信息'],
    sensitive: ['sensitive', 'special category', 'special categories', '敏感', '敏感数据', '敏感个人信息'],
  },
};
