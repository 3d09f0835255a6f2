import {
  allowedActions,
  CASE_ACTIONS,
  CASE_STATUSES,
  isOpen,
  refusalMessage,
  transition,
  type CaseAction,
  type CaseActor,
  type CaseStatus,
} from '../../server/src/cases/case-workflow.js';

/** Runs a sequence of actions from `new`, failing on the first refused one. */
function walk(...steps: [CaseAction, CaseActor][]): CaseStatus {
  let status: CaseStatus = 'new';
  for (const [action, actor] of steps) {
    const result = transition(status, action, actor);
    if (!result.ok) throw new Error(`${action} by ${actor} refused from ${status}`);
    status = result.to;
  }
  return status;
}

it('follows a case from complaint to closure, through a send-back and a reopening', () => {
  expect(walk(['accept', 'office'], ['assign', 'office'], ['start', 'unit'], ['reply', 'unit'], ['close', 'office'])).toBe('closed');
  expect(walk(['accept', 'office'], ['assign', 'office'], ['reply', 'unit'], ['send-back', 'office'], ['reply', 'unit'], ['close', 'office'], ['reopen', 'office'], ['reply', 'unit'], ['close', 'office'])).toBe('closed');
  expect(walk(['reject', 'office'])).toBe('rejected');
  expect(walk(['assign', 'office'], ['reply', 'unit'])).toBe('replied');
  expect(walk(['accept', 'office'], ['merge', 'office'])).toBe('merged');
  // Reassigning keeps the case with a unit.
  expect(walk(['accept', 'office'], ['assign', 'office'], ['start', 'unit'], ['assign', 'office'])).toBe('assigned');
});

it('refuses impossible changes, naming the ones allowed', () => {
  const closedReply = transition('closed', 'reply', 'unit');
  expect(closedReply).toEqual({ ok: false, reason: 'not-from-here', allowed: [] });
  expect(refusalMessage('closed', 'reply', closedReply.ok ? never() : closedReply).en).toBe('The case is closed: it cannot reply, and nothing else can be done now.');

  const earlyClose = transition('assigned', 'close', 'office');
  expect(earlyClose).toEqual({ ok: false, reason: 'not-from-here', allowed: ['assign'] });
  const message = refusalMessage('assigned', 'close', earlyClose.ok ? never() : earlyClose);
  expect(message.zh).toBe('案件当前为“已交办”，不能“办结”；可以：“交办”。');
  expect(message.en).toBe('The case is assigned, so it cannot close; allowed now: assign.');
});

it('keeps triage, assignment and closing with the office, and work and replies with the unit', () => {
  expect(transition('replied', 'close', 'unit')).toEqual({ ok: false, reason: 'not-yours', by: 'office' });
  expect(transition('assigned', 'reply', 'office')).toEqual({ ok: false, reason: 'not-yours', by: 'unit' });
  expect(allowedActions('new', 'office')).toEqual(['accept', 'reject', 'merge', 'assign']);
  expect(allowedActions('new', 'unit')).toEqual([]);
  expect(allowedActions('assigned', 'unit')).toEqual(['start', 'reply']);
  expect(allowedActions('replied', 'office')).toEqual(['close', 'send-back']);
  expect(allowedActions('closed', 'office')).toEqual(['reopen']);
});

it('ends rejected and merged cases for good, and counts only accepted, unfinished ones as open', () => {
  for (const actor of ['office', 'unit'] as const) {
    expect(allowedActions('rejected', actor)).toEqual([]);
    expect(allowedActions('merged', actor)).toEqual([]);
  }
  expect(CASE_STATUSES.filter(isOpen)).toEqual(['accepted', 'assigned', 'in-progress', 'replied', 'reopened']);
});

it('gives every refusal a sentence in both languages', () => {
  for (const status of CASE_STATUSES) {
    for (const action of CASE_ACTIONS) {
      for (const actor of ['office', 'unit'] as const) {
        const result = transition(status, action, actor);
        if (result.ok) continue;
        const message = refusalMessage(status, action, result);
        expect(message.zh.length).toBeGreaterThan(5);
        expect(message.en).toMatch(/^(The case|Only the)/);
      }
    }
  }
});

function never(): never {
  throw new Error('expected a refusal');
}
