import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/auth.types.js';
import { AppError, ErrorCode, type FieldError } from '../common/errors.js';
import { describeMutation } from '../common/request-context.js';
import { writeXlsx } from '../common/tabular.js';
import { caseStatusName } from './case-workflow.js';
import { allowedActions, refusalMessage, transition, WITH_UNIT_STATUSES, type CaseAction, type CaseActor } from './case-workflow.js';
import { Case, CaseEvent } from './case.entities.js';
import { WorkingDayCalendarsService } from './working-day-calendars.service.js';
import { MAX_CASE_TEXT, type CaseActionDto, type CaseDetailDto, type CaseDto, type CaseListQueryDto, type ComplaintDto, type CreateCaseDto, type HandlingRatingDto, type RaterCaseDto, type CaseFiguresDto, type CaseFiguresQueryDto } from './dto/case.dto.js';
import { caseFigures } from './case-figures.js';
import { PublicLinkService, type ResolvedInvitation } from '../invitations/public-link.service.js';
import { beijingDate, endOfBeijingDay, startOfBeijingDay } from './working-days.js';

/** The open question of the rating questionnaires whose answers become cases. */
export const PROBLEMS_QUESTION = 'problems';

/** Working days a unit has by default, from the day after it is assigned. */
export const DEFAULT_WORKING_DAYS = 15;

/** A case row with what its DTO shows, read in one query. */
interface CaseRow {
  id: string;
  campaign_id: string;
  year: number;
  number: number;
  source: Case['source'];
  status: Case['status'];
  text: string;
  identity_shared: boolean;
  received_via: string | null;
  category_code: string | null;
  category_name_zh: string | null;
  category_name_en: string | null;
  category_active: boolean | null;
  uscc: string | null;
  enterprise_name_zh: string | null;
  enterprise_name_en: string | null;
  department_id: string | null;
  district_id: string | null;
  unit_code: string | null;
  unit_name_zh: string | null;
  unit_name_en: string | null;
  deadline: Date | null;
  reply: string | null;
  reject_reason: string | null;
  merged_into_number: number | null;
  rectified: boolean | null;
  handling_rating: Case['handlingRating'];
  created_at: Date;
  accepted_at: Date | null;
  assigned_at: Date | null;
  replied_at: Date | null;
  closed_at: Date | null;
}

const SELECT_CASES = `
  SELECT c.id, c.campaign_id, p.year, c.number, c.source, c.status, c.text, c.identity_shared, c.received_via,
         k.code AS category_code, k.name_zh AS category_name_zh, k.name_en AS category_name_en, k.active AS category_active,
         e.uscc, e.name_zh AS enterprise_name_zh, e.name_en AS enterprise_name_en,
         c.department_id, c.district_id, COALESCE(d.code, q.code) AS unit_code,
         COALESCE(d.name_zh, q.name_zh) AS unit_name_zh, COALESCE(d.name_en, q.name_en) AS unit_name_en,
         c.deadline, c.reply, c.reject_reason, m.number AS merged_into_number, c.rectified, c.handling_rating,
         c.created_at, c.accepted_at, c.assigned_at, c.replied_at, c.closed_at
    FROM cases c
    JOIN campaigns p ON p.id = c.campaign_id
    LEFT JOIN case_categories k ON k.id = c.category_id
    LEFT JOIN enterprises e ON e.id = c.enterprise_id
    LEFT JOIN departments d ON d.id = c.department_id
    LEFT JOIN districts q ON q.id = c.district_id
    LEFT JOIN cases m ON m.id = c.merged_into_id`;

/** Cases (督办): entered by the office, triaged, assigned, answered by their unit, closed. */
@Injectable()
export class CasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly links: PublicLinkService,
    private readonly calendars: WorkingDayCalendarsService,
  ) {}

  /** A complaint an enterprise raises through its personal link while the campaign is open. */
  async complain(token: string, input: ComplaintDto): Promise<RaterCaseDto> {
    const rater = await this.rater(token);
    const id = await this.dataSource.transaction(async (manager) => {
      if (rater.campaign_status === 'draft') throw new AppError(ErrorCode.CampaignNotOpen);
      if (rater.campaign_status !== 'open') throw new AppError(ErrorCode.CampaignClosed);
      const categoryId = input.categoryCode ? await this.categoryId(manager, input.categoryCode) : null;
      const number = await this.nextNumber(manager, rater.campaign_id);
      const [row] = await manager.query(
        `INSERT INTO cases (campaign_id, number, source, invitation_id, enterprise_id, identity_shared, text, category_id, status)
         VALUES ($1, $2, 'complaint', $3, $4, $5, $6, $7, 'new') RETURNING id`,
        [rater.campaign_id, number, rater.id, rater.enterprise_id, input.identityShared ?? false, input.text, categoryId],
      );
      await this.record(manager, row.id, 'enterprise', null, 'create', null, 'new', null);
      return row.id as string;
    });
    return (await this.raterCases(token)).find((c) => c.id === id)!;
  }

  /** The cases an enterprise raised (by complaint or in its ballots), as it may see them. */
  async raterCases(token: string): Promise<RaterCaseDto[]> {
    const rater = await this.rater(token);
    const rows: CaseRow[] = await this.dataSource.query(`${SELECT_CASES} WHERE c.invitation_id = $1 AND c.status <> 'merged' ORDER BY c.number`, [rater.id]);
    return rows.map((row) => ({
      id: row.id,
      number: caseNumber(row.year, row.number),
      source: row.source,
      status: row.status,
      text: row.text,
      identityShared: row.identity_shared,
      unit: row.unit_code ? { kind: row.department_id ? 'department' : 'district', code: row.unit_code, nameZh: row.unit_name_zh!, nameEn: row.unit_name_en! } : null,
      reply: row.status === 'replied' || row.status === 'closed' ? row.reply : null,
      rejectReason: row.reject_reason,
      handlingRating: row.handling_rating,
      canRate: row.status === 'replied' || row.status === 'closed',
      createdAt: row.created_at.toISOString(),
      repliedAt: row.replied_at ? row.replied_at.toISOString() : null,
      closedAt: row.closed_at ? row.closed_at.toISOString() : null,
    }));
  }

  /** The enterprise's rating of how its case was handled (回访), once the unit has replied. */
  async rate(token: string, caseId: string, input: HandlingRatingDto): Promise<RaterCaseDto> {
    const rater = await this.rater(token);
    await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query('SELECT status, handling_rating FROM cases WHERE id = $1 AND invitation_id = $2 FOR UPDATE', [caseId, rater.id]);
      if (!row) throw new AppError(ErrorCode.CaseNotFound);
      if (row.status !== 'replied' && row.status !== 'closed') {
        const messages = { zh: '单位答复后才能评价办理情况。', en: 'The handling can be rated once the unit has replied.' };
        throw new AppError(ErrorCode.CaseTransition, { errors: [{ field: 'rating', message: messages.en, messages }] });
      }
      await manager.query('UPDATE cases SET handling_rating = $2, rated_at = now(), updated_at = now() WHERE id = $1', [caseId, input.rating]);
      await this.record(manager, caseId, 'enterprise', null, 'rate', row.status, row.status, input.rating);
    });
    return (await this.raterCases(token)).find((c) => c.id === caseId)!;
  }

  /** The enterprise behind a personal link: the same 404 as any unknown link, 403 for a district government's. */
  private async rater(token: string): Promise<ResolvedInvitation & { enterprise_id: string }> {
    const invitation = await this.links.resolve(token);
    // District governments rate departments; complaints are the enterprises'.
    if (!invitation.enterprise_id) throw new AppError(ErrorCode.Forbidden);
    return invitation as ResolvedInvitation & { enterprise_id: string };
  }

  /** A case the office received by phone, letter or visit. */
  async create(campaignId: string, input: CreateCaseDto, principal: Principal): Promise<CaseDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const [campaign] = await manager.query('SELECT id FROM campaigns WHERE id = $1', [campaignId]);
      if (!campaign) throw new AppError(ErrorCode.NotFound);
      const enterpriseId = input.enterpriseUscc ? await this.enterpriseId(manager, input.enterpriseUscc) : null;
      const categoryId = input.categoryCode ? await this.categoryId(manager, input.categoryCode) : null;
      const number = await this.nextNumber(manager, campaignId);
      const [row] = await manager.query(
        `INSERT INTO cases (campaign_id, number, source, enterprise_id, identity_shared, received_via, text, category_id, status)
         VALUES ($1, $2, 'office', $3, $4, $5, $6, $7, 'new') RETURNING id`,
        [campaignId, number, enterpriseId, input.identityShared ?? false, input.receivedVia?.trim() || null, input.text, categoryId],
      );
      await this.record(manager, row.id, 'office', principal.id, 'create', null, 'new', null);
      return row.id as string;
    });
    const created = await this.get(id, principal);
    describeMutation({ entity: 'case', entityId: id, before: null, after: { number: created.number, status: created.status } });
    return created;
  }

  /**
   * Every non-empty "problems met" answer of a submitted ballot becomes a case for the office to
   * triage, once. Done when the office opens its list rather than on the submission path, where a
   * per-campaign number would make every ballot wait for the others.
   */
  async collectBallotProblems(campaignId: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('cases:' || $1))`, [campaignId]);
      const created: { id: string }[] = await manager.query(
        `WITH raised AS (
           SELECT r.id AS response_id, r.invitation_id, i.enterprise_id, left(btrim(r.data->>'${PROBLEMS_QUESTION}'), ${MAX_CASE_TEXT}) AS text, r.submitted_at
             FROM responses r JOIN evaluations e ON e.id = r.evaluation_id JOIN invitations i ON i.id = r.invitation_id
            WHERE e.campaign_id = $1 AND r.status = 'submitted' AND r.voided_at IS NULL
              AND jsonb_typeof(r.data->'${PROBLEMS_QUESTION}') = 'string' AND btrim(r.data->>'${PROBLEMS_QUESTION}') <> ''
              AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.response_id = r.id)
         ), created AS (
           INSERT INTO cases (campaign_id, number, source, response_id, invitation_id, enterprise_id, identity_shared, text, status)
           SELECT $1, (SELECT COALESCE(max(number), 0) FROM cases WHERE campaign_id = $1) + row_number() OVER (ORDER BY submitted_at, response_id),
                  'ballot', response_id, invitation_id, enterprise_id, false, text, 'new'
             FROM raised
           RETURNING id
         ), events AS (
           INSERT INTO case_events (case_id, actor_kind, action, to_status) SELECT id, 'enterprise', 'create', 'new' FROM created
         )
         SELECT id FROM created`,
        [campaignId],
      );
      return created.length;
    });
  }

  async list(campaignId: string, query: CaseListQueryDto, principal: Principal): Promise<CaseDto[]> {
    if (!unitOf(principal)) await this.collectBallotProblems(campaignId);
    const conditions = ['c.campaign_id = $1'];
    const values: unknown[] = [campaignId];
    const unit = unitOf(principal);
    if (unit) {
      values.push(unit.id);
      conditions.push(`c.${unit.column} = $${values.length}`);
    }
    if (query.status) {
      values.push(query.status);
      conditions.push(`c.status = $${values.length}`);
    }
    if (query.overdue) conditions.push(`c.status IN (${WITH_UNIT_STATUSES.map((s) => `'${s}'`).join(', ')}) AND c.deadline < now()`);
    const rows: CaseRow[] = await this.dataSource.query(`${SELECT_CASES} WHERE ${conditions.join(' AND ')} ORDER BY c.number DESC`, values);
    return rows.map((row) => this.toDto(row, principal));
  }

  async get(id: string, principal: Principal): Promise<CaseDetailDto> {
    const row = await this.visibleRow(this.dataSource.manager, id, principal);
    const events: { at: Date; actor_kind: 'office' | 'unit' | 'enterprise'; actor_name: string | null; action: string; from_status: string | null; to_status: string | null; note: string | null }[] =
      await this.dataSource.query(
        `SELECT v.at, v.actor_kind, u.display_name AS actor_name, v.action, v.from_status, v.to_status, v.note
           FROM case_events v LEFT JOIN users u ON u.id = v.actor_id WHERE v.case_id = $1 ORDER BY v.at, v.id`,
        [id],
      );
    return {
      ...this.toDto(row, principal),
      events: events.map((e) => ({
        at: e.at.toISOString(), actorKind: e.actor_kind, actorName: e.actor_name, action: e.action, fromStatus: e.from_status, toStatus: e.to_status, note: e.note,
      })),
    };
  }

  /**
   * The case figures of every department and district for a period (Beijing dates, inclusive),
   * overdue counted at its end. A unit user gets its own line only; no principal (the scoring) sees every unit.
   */
  async figures(campaignId: string, query: CaseFiguresQueryDto, principal: Principal | null): Promise<CaseFiguresDto> {
    const [campaign] = await this.dataSource.query('SELECT opened_at, created_at FROM campaigns WHERE id = $1', [campaignId]);
    if (!campaign) throw new AppError(ErrorCode.NotFound);
    const from = query.from?.slice(0, 10) ?? beijingDate(campaign.opened_at ?? campaign.created_at);
    const to = query.to?.slice(0, 10) ?? beijingDate(new Date());
    if (to < from) refuseField('to', '结束日期不能早于开始日期。', 'The last day cannot be before the first.');
    const rows: { unit_key: string; unit_id: string; kind: 'department' | 'district'; code: string; name_zh: string; name_en: string; accepted_at: Date | null; deadline: Date | null; replied_at: Date | null; closed_at: Date | null; rectified: boolean | null; handling_rating: Case['handlingRating'] }[] =
      await this.dataSource.query(
        `SELECT CASE WHEN c.department_id IS NOT NULL THEN 'department:' || d.code ELSE 'district:' || q.code END AS unit_key,
                COALESCE(c.department_id, c.district_id) AS unit_id, CASE WHEN c.department_id IS NOT NULL THEN 'department' ELSE 'district' END AS kind,
                COALESCE(d.code, q.code) AS code, COALESCE(d.name_zh, q.name_zh) AS name_zh, COALESCE(d.name_en, q.name_en) AS name_en,
                c.accepted_at, c.deadline, c.replied_at, c.closed_at, c.rectified, c.handling_rating
           FROM cases c LEFT JOIN departments d ON d.id = c.department_id LEFT JOIN districts q ON q.id = c.district_id
          WHERE c.campaign_id = $1 AND (c.department_id IS NOT NULL OR c.district_id IS NOT NULL)
            AND c.status NOT IN ('rejected', 'merged')`,
        [campaignId],
      );
    const unit = principal && unitOf(principal);
    const visible = unit ? rows.filter((r) => r.unit_id === unit.id) : rows;
    const names = new Map(rows.map((r) => [r.unit_key, { kind: r.kind, code: r.code, nameZh: r.name_zh, nameEn: r.name_en }]));
    const figures = caseFigures(
      visible.map((r) => ({ unit: r.unit_key, acceptedAt: r.accepted_at, deadline: r.deadline, repliedAt: r.replied_at, closedAt: r.closed_at, rectified: r.rectified, handlingRating: r.handling_rating })),
      { from: startOfBeijingDay(from), to: endOfBeijingDay(to), cutoff: endOfBeijingDay(to) },
    );
    return { from, to, units: figures.map(({ unit: key, ...rest }) => ({ unit: names.get(key)!, ...rest })) };
  }

  /** The cases and the figures per unit, for the office's files. */
  async exportXlsx(campaignId: string, query: CaseFiguresQueryDto, principal: Principal): Promise<Buffer> {
    const cases = await this.list(campaignId, {}, principal);
    const figures = await this.figures(campaignId, query, principal);
    // As the office reads times: Beijing, to the minute.
    const at = (iso: string | null) => (iso ? new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : null);
    const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);
    return writeXlsx([
      {
        name: '案件 Cases',
        columns: [
          { header: '编号 No.', key: 'number', width: 11 },
          { header: '来源 Source', key: 'source', width: 10 },
          { header: '状态 Status', key: 'status', width: 10 },
          { header: '类别 Category', key: 'category', width: 10 },
          { header: '问题 Problem', key: 'text', width: 50 },
          { header: '企业 Enterprise', key: 'enterprise', width: 30 },
          { header: '承办单位 Unit', key: 'unit', width: 24 },
          { header: '期限 Deadline', key: 'deadline', width: 18 },
          { header: '逾期 Overdue', key: 'overdue', width: 8 },
          { header: '答复 Reply', key: 'reply', width: 50 },
          { header: '整改 Rectified', key: 'rectified', width: 10 },
          { header: '回访 Rating', key: 'rating', width: 10 },
          { header: '登记 Received', key: 'createdAt', width: 18 },
          { header: '办结 Closed', key: 'closedAt', width: 18 },
        ],
        rows: cases.map((c) => ({
          number: c.number, source: { ballot: '评议问卷', complaint: '企业投诉', office: '办公室登记' }[c.source], status: caseStatusName(c.status).zh,
          category: c.category?.nameZh ?? null, text: c.text, enterprise: c.enterprise ? `${c.enterprise.nameZh}（${c.enterprise.uscc}）` : null,
          unit: c.unit ? `${c.unit.code} ${c.unit.nameZh}` : null, deadline: at(c.deadline), overdue: c.overdue ? '是' : null, reply: c.reply,
          rectified: c.rectified === null ? null : c.rectified ? '是' : '否', rating: c.handlingRating ? { satisfied: '满意', basically: '基本满意', dissatisfied: '不满意' }[c.handlingRating] : null,
          createdAt: at(c.createdAt), closedAt: at(c.closedAt),
        })),
      },
      {
        name: '办理情况 Figures',
        columns: [
          { header: '单位 Unit', key: 'unit', width: 24 },
          { header: '期内受理 Accepted', key: 'accepted', width: 12 },
          { header: '上期结转 Carried over', key: 'carried', width: 12 },
          { header: '期内办结 Closed', key: 'closed', width: 12 },
          { header: '结案率 % Closure', key: 'closure', width: 12 },
          { header: '按时办结率 % On time', key: 'onTime', width: 14 },
          { header: '整改率 % Rectified', key: 'rectified', width: 12 },
          { header: '回访满意率 % Satisfied', key: 'satisfied', width: 14 },
          { header: `逾期未办结（截至 ${figures.to}）Overdue`, key: 'overdue', width: 16 },
        ],
        rows: figures.units.map((u) => ({
          unit: `${u.unit.code} ${u.unit.nameZh}`, accepted: u.acceptedInPeriod, carried: u.carriedOver, closed: u.closedInPeriod,
          closure: percent(u.closureRate), onTime: percent(u.onTimeRate), rectified: percent(u.rectificationRate), satisfied: percent(u.satisfactionRate), overdue: u.overdueAtCutoff,
        })),
      },
    ]);
  }

  /** One step of the workflow, by the office or by the unit the case is assigned to. */
  async act(id: string, action: CaseAction, input: CaseActionDto, principal: Principal): Promise<CaseDetailDto> {
    const actor: CaseActor = principal.role === 'admin' ? 'office' : 'unit';
    await this.dataSource.transaction(async (manager) => {
      const [locked] = await manager.query('SELECT id FROM cases WHERE id = $1 FOR UPDATE', [id]);
      if (!locked) throw new AppError(ErrorCode.CaseNotFound);
      const row = await this.visibleRow(manager, id, principal);
      const result = transition(row.status, action, actor);
      if (!result.ok) {
        const messages = refusalMessage(row.status, action, result);
        throw new AppError(result.reason === 'not-yours' ? ErrorCode.Forbidden : ErrorCode.CaseTransition, { errors: [{ field: 'action', message: messages.en, messages }] });
      }
      const { unit_label: unitLabel, ...changes } = await this.changesFor(manager, row, action, input);
      const sets = Object.keys(changes).map((column, i) => `${column} = $${i + 3}`);
      await manager.query(`UPDATE cases SET status = $2, updated_at = now()${sets.length ? `, ${sets.join(', ')}` : ''} WHERE id = $1`, [id, result.to, ...Object.values(changes)]);
      const note = action === 'assign' ? String(unitLabel) : (input.text ?? null);
      await this.record(manager, id, actor, principal.id, action, row.status, result.to, note);
      describeMutation({ entity: 'case', entityId: id, before: { status: row.status }, after: { status: result.to, action } });
    });
    return this.get(id, principal);
  }

  /** The columns an action sets besides the status, after checking what it needs. */
  private async changesFor(manager: EntityManager, row: CaseRow, action: CaseAction, input: CaseActionDto): Promise<Record<string, unknown>> {
    const need = (field: keyof CaseActionDto, zh: string, en: string): never => refuseField(field, zh, en);
    switch (action) {
      case 'accept':
        return { accepted_at: new Date(), ...(input.categoryCode ? { category_id: await this.categoryId(manager, input.categoryCode) } : {}) };
      case 'reject':
        if (!input.text) need('text', '请说明不予受理的理由。', 'Say why the case is rejected.');
        return { reject_reason: input.text };
      case 'merge': {
        if (!input.intoNumber) need('intoNumber', '请填写与之重复的案件编号。', 'Give the number of the case this one duplicates.');
        const [target] = await manager.query(`SELECT id, status FROM cases WHERE campaign_id = $1 AND number = $2`, [row.campaign_id, input.intoNumber]);
        if (!target || target.id === row.id || target.status === 'merged' || target.status === 'rejected') {
          need('intoNumber', '没有可以合并到的这个案件编号。', 'There is no case with that number to merge into.');
        }
        return { merged_into_id: target.id };
      }
      case 'assign': {
        if (!input.unitCode) need('unitCode', '请选择承办的部门或区县。', 'Choose the department or district to handle it.');
        const unit = await this.unitByCode(manager, input.unitCode!);
        const now = new Date();
        const deadline = input.deadline ? endOfBeijingDay(input.deadline.slice(0, 10)) : (await this.calendars.calendar(manager)).addWorkingDays(now, DEFAULT_WORKING_DAYS);
        if (deadline.getTime() <= now.getTime()) need('deadline', '办理期限须在今天之后。', 'The deadline must be after today.');
        return {
          department_id: unit.kind === 'department' ? unit.id : null,
          district_id: unit.kind === 'district' ? unit.id : null,
          deadline,
          assigned_at: now,
          accepted_at: row.accepted_at ?? now,
          ...(input.categoryCode ? { category_id: await this.categoryId(manager, input.categoryCode) } : {}),
          unit_label: `${unit.code} ${unit.nameZh}`,
        };
      }
      case 'reply':
        if (!input.text) need('text', '请填写答复内容。', 'Write the reply.');
        return { reply: input.text, replied_at: new Date() };
      case 'close':
        return { closed_at: new Date(), rectified: input.rectified ?? null };
      case 'reopen':
        return { closed_at: null, replied_at: null, handling_rating: null, rated_at: null };
      case 'send-back':
        return { replied_at: null };
      case 'start':
        return {};
    }
  }

  /** A case the caller may see: the office and leadership see all, a unit only its own. */
  private async visibleRow(manager: EntityManager, id: string, principal: Principal): Promise<CaseRow> {
    const [row]: CaseRow[] = await manager.query(`${SELECT_CASES} WHERE c.id = $1`, [id]);
    if (!row) throw new AppError(ErrorCode.CaseNotFound);
    const unit = unitOf(principal);
    if (unit && (unit.id === null || row[unit.column] !== unit.id)) throw new AppError(ErrorCode.Forbidden);
    return row;
  }

  private toDto(row: CaseRow, principal: Principal): CaseDto {
    const unitUser = unitOf(principal) !== null;
    const withUnit = WITH_UNIT_STATUSES.includes(row.status);
    return {
      id: row.id,
      number: caseNumber(row.year, row.number),
      source: row.source,
      status: row.status,
      text: row.text,
      category: row.category_code ? { code: row.category_code, nameZh: row.category_name_zh!, nameEn: row.category_name_en!, active: row.category_active! } : null,
      // The unit sees who raised it only if the enterprise agreed.
      enterprise: row.uscc && (!unitUser || row.identity_shared) ? { uscc: row.uscc, nameZh: row.enterprise_name_zh!, nameEn: row.enterprise_name_en! } : null,
      identityShared: row.identity_shared,
      receivedVia: row.received_via,
      unit: row.unit_code ? { kind: row.department_id ? 'department' : 'district', code: row.unit_code, nameZh: row.unit_name_zh!, nameEn: row.unit_name_en! } : null,
      deadline: row.deadline ? row.deadline.toISOString() : null,
      overdue: withUnit && row.deadline !== null && row.deadline.getTime() < Date.now(),
      reply: row.reply,
      rejectReason: row.reject_reason,
      mergedInto: row.merged_into_number ? caseNumber(row.year, row.merged_into_number) : null,
      rectified: row.rectified,
      handlingRating: row.handling_rating,
      createdAt: row.created_at.toISOString(),
      acceptedAt: row.accepted_at ? row.accepted_at.toISOString() : null,
      assignedAt: row.assigned_at ? row.assigned_at.toISOString() : null,
      repliedAt: row.replied_at ? row.replied_at.toISOString() : null,
      closedAt: row.closed_at ? row.closed_at.toISOString() : null,
      allowedActions: principal.role === 'viewer' ? [] : allowedActions(row.status, principal.role === 'admin' ? 'office' : 'unit'),
    };
  }

  /** Numbers follow arrival within a campaign; a transaction-level lock keeps two cases from taking the same one. */
  private async nextNumber(manager: EntityManager, campaignId: string): Promise<number> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('cases:' || $1))`, [campaignId]);
    const [{ next }] = await manager.query('SELECT COALESCE(max(number), 0) + 1 AS next FROM cases WHERE campaign_id = $1', [campaignId]);
    return Number(next);
  }

  private async record(manager: EntityManager, caseId: string, actorKind: 'office' | 'unit' | 'enterprise', actorId: string | null, action: string, from: string | null, to: string | null, note: string | null): Promise<void> {
    await manager.query(
      'INSERT INTO case_events (case_id, actor_kind, actor_id, action, from_status, to_status, note) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [caseId, actorKind, actorId, action, from, to, note],
    );
  }

  private async enterpriseId(manager: EntityManager, uscc: string): Promise<string> {
    const [row] = await manager.query('SELECT id FROM enterprises WHERE uscc = $1', [uscc]);
    if (!row) refuseField('enterpriseUscc', `名录中没有统一社会信用代码为 ${uscc} 的企业。`, `The directory has no enterprise with USCC ${uscc}.`);
    return row.id;
  }

  private async categoryId(manager: EntityManager, code: string): Promise<string> {
    const [row] = await manager.query('SELECT id FROM case_categories WHERE code = $1 AND active', [code]);
    if (!row) refuseField('categoryCode', `没有代码为 ${code} 的案件类别。`, `There is no case category with code ${code}.`);
    return row.id;
  }

  private async unitByCode(manager: EntityManager, code: string): Promise<{ kind: 'department' | 'district'; id: string; code: string; nameZh: string }> {
    const [row] = await manager.query(
      `SELECT 'department' AS kind, id, code, name_zh FROM departments WHERE code = $1
       UNION ALL SELECT 'district', id, code, name_zh FROM districts WHERE code = $1`,
      [code],
    );
    if (!row) refuseField('unitCode', `名录中没有代码为 ${code} 的部门或区县。`, `The directory has no department or district with code ${code}.`);
    return { kind: row.kind, id: row.id, code: row.code, nameZh: row.name_zh };
  }
}

/**
 * The unit whose cases a department or district user may see; null for the office and leadership,
 * who see all. A unit user without a unit (an account from before units) sees none: it fails closed.
 */
function unitOf(principal: Principal): { column: 'department_id' | 'district_id'; id: string | null } | null {
  if (principal.role === 'department') return { column: 'department_id', id: principal.departmentId };
  if (principal.role === 'district') return { column: 'district_id', id: principal.districtId };
  return null;
}

/** 2026-0042: the campaign year and the number within it. */
const caseNumber = (year: number, number: number) => `${year}-${String(number).padStart(4, '0')}`;

function refuseField(field: string, zh: string, en: string): never {
  const errors: FieldError[] = [{ field, message: en, messages: { zh, en } }];
  throw new AppError(ErrorCode.ValidationFailed, { errors });
}
