/**
 * The life of a case (督办): what may happen next, and who may make it happen. Pure, so the
 * service, the console and the tests read the same rules.
 *
 *   new ──accept──▶ accepted ──assign──▶ assigned ──start──▶ in-progress ──reply──▶ replied ──close──▶ closed
 *    │  └──────────── assign (accepts too) ───▶│  ▲                                 ▲      │                  │
 *    ├─reject──▶ rejected                  │  └──────────── reassign ───────────┼──────┘ (send back)     │
 *    └─merge───▶ merged                    └────────────── reply ─────────────┘                          │
 *                                                    reopened ◀──────────────── reopen ──────────────────┘
 *
 * The office triages (accept, reject with a reason, merge into another case), assigns to a
 * department or district with a deadline, may reassign while the case is open, closes a replied
 * case or sends the reply back, and reopens a closed one. The unit it is assigned to starts work
 * and replies. A reopened case is back with its unit, like an assigned one.
 */
export const CASE_STATUSES = ['new', 'accepted', 'rejected', 'merged', 'assigned', 'in-progress', 'replied', 'closed', 'reopened'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_ACTIONS = ['accept', 'reject', 'merge', 'assign', 'start', 'reply', 'close', 'send-back', 'reopen'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Who acts: the office (admin), or the department or district user the case is assigned to. */
export type CaseActor = 'office' | 'unit';

interface Step {
  from: readonly CaseStatus[];
  to: CaseStatus;
  by: CaseActor;
}

const STEPS: Record<CaseAction, Step> = {
  accept: { from: ['new'], to: 'accepted', by: 'office' },
  reject: { from: ['new'], to: 'rejected', by: 'office' },
  merge: { from: ['new', 'accepted'], to: 'merged', by: 'office' },
  // Assigning a new case accepts it at the same time; assigning again moves an open case to another unit or deadline.
  assign: { from: ['new', 'accepted', 'assigned', 'in-progress', 'reopened'], to: 'assigned', by: 'office' },
  start: { from: ['assigned', 'reopened'], to: 'in-progress', by: 'unit' },
  reply: { from: ['assigned', 'in-progress', 'reopened'], to: 'replied', by: 'unit' },
  close: { from: ['replied'], to: 'closed', by: 'office' },
  'send-back': { from: ['replied'], to: 'in-progress', by: 'office' },
  reopen: { from: ['closed'], to: 'reopened', by: 'office' },
};

/** Cases that count as open: accepted and not yet closed, rejected or merged. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['accepted', 'assigned', 'in-progress', 'replied', 'reopened'];
/** Cases a unit is working on, whose deadline is running. */
export const WITH_UNIT_STATUSES: readonly CaseStatus[] = ['assigned', 'in-progress', 'reopened'];

export function isOpen(status: CaseStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** The actions `actor` may take on a case in `status`, in the order the console shows them. */
export function allowedActions(status: CaseStatus, actor: CaseActor): CaseAction[] {
  return CASE_ACTIONS.filter((action) => STEPS[action].by === actor && STEPS[action].from.includes(status));
}

export type TransitionRefusal =
  | { reason: 'not-from-here'; allowed: CaseAction[] }
  | { reason: 'not-yours'; by: CaseActor };

/** The status `action` leads to, or why it may not be taken now by this actor. */
export function transition(status: CaseStatus, action: CaseAction, actor: CaseActor): { ok: true; to: CaseStatus } | ({ ok: false } & TransitionRefusal) {
  const step = STEPS[action];
  if (step.by !== actor) return { ok: false, reason: 'not-yours', by: step.by };
  if (!step.from.includes(status)) return { ok: false, reason: 'not-from-here', allowed: allowedActions(status, actor) };
  return { ok: true, to: step.to };
}

const STATUS_NAMES: Record<CaseStatus, { zh: string; en: string }> = {
  new: { zh: '待受理', en: 'new' },
  accepted: { zh: '已受理', en: 'accepted' },
  rejected: { zh: '不予受理', en: 'rejected' },
  merged: { zh: '已合并', en: 'merged' },
  assigned: { zh: '已交办', en: 'assigned' },
  'in-progress': { zh: '办理中', en: 'in progress' },
  replied: { zh: '已答复', en: 'replied' },
  closed: { zh: '已办结', en: 'closed' },
  reopened: { zh: '重新办理', en: 'reopened' },
};

const ACTION_NAMES: Record<CaseAction, { zh: string; en: string }> = {
  accept: { zh: '受理', en: 'accept' },
  reject: { zh: '不予受理', en: 'reject' },
  merge: { zh: '合并', en: 'merge' },
  assign: { zh: '交办', en: 'assign' },
  start: { zh: '开始办理', en: 'start work' },
  reply: { zh: '答复', en: 'reply' },
  close: { zh: '办结', en: 'close' },
  'send-back': { zh: '退回重办', en: 'send back' },
  reopen: { zh: '重新办理', en: 'reopen' },
};

export const caseStatusName = (status: CaseStatus) => STATUS_NAMES[status];
export const caseActionName = (action: CaseAction) => ACTION_NAMES[action];

/** The sentence a refused change answers with, naming the changes that are allowed. */
export function refusalMessage(status: CaseStatus, action: CaseAction, refusal: TransitionRefusal): { zh: string; en: string } {
  const current = STATUS_NAMES[status];
  const wanted = ACTION_NAMES[action];
  if (refusal.reason === 'not-yours') {
    return refusal.by === 'office'
      ? { zh: `“${wanted.zh}”只能由评议办公室操作。`, en: `Only the office can ${wanted.en} a case.` }
      : { zh: `“${wanted.zh}”只能由承办单位操作。`, en: `Only the unit the case is assigned to can ${wanted.en} it.` };
  }
  if (refusal.allowed.length === 0) {
    return { zh: `案件当前为“${current.zh}”，不能“${wanted.zh}”，此时没有可做的操作。`, en: `The case is ${current.en}: it cannot ${wanted.en}, and nothing else can be done now.` };
  }
  return {
    zh: `案件当前为“${current.zh}”，不能“${wanted.zh}”；可以：${refusal.allowed.map((a) => `“${ACTION_NAMES[a].zh}”`).join('、')}。`,
    en: `The case is ${current.en}, so it cannot ${wanted.en}; allowed now: ${refusal.allowed.map((a) => ACTION_NAMES[a].en).join(', ')}.`,
  };
}
