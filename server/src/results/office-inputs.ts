import type { EntityManager } from 'typeorm';
import { AppError, ErrorCode } from '../common/errors.js';
import type { SheetSpec } from '../common/tabular.js';

/**
 * What every change to the office's inputs to the results does (inspection scores, CSR figures,
 * voided ballots): it locks the campaign against a concurrent change or publication, is refused
 * once the results are published, counts itself in the campaign's inputs_version, and takes back
 * the confirmation of the awards, because results computed before it are stale.
 */
export async function lockForOfficeInput(manager: EntityManager, campaignId: string): Promise<void> {
  const [campaign]: { status: string }[] = await manager.query('SELECT status FROM campaigns WHERE id = $1 FOR NO KEY UPDATE', [campaignId]);
  if (!campaign) throw new AppError(ErrorCode.NotFound);
  if (campaign.status === 'published') throw new AppError(ErrorCode.ResultsFrozen);
}

/** An input changed, in the transaction of the change: the results computed before it are outdated. */
export async function officeInputChanged(manager: EntityManager, campaignId: string): Promise<void> {
  await manager.query('UPDATE campaigns SET inputs_version = inputs_version + 1 WHERE id = $1', [campaignId]);
  await clearAwardsConfirmation(manager, campaignId);
}

/** A decision on the awards changed (an override): the results stand, the confirmation does not. */
export async function clearAwardsConfirmation(manager: EntityManager, campaignId: string): Promise<void> {
  await manager.query('UPDATE result_snapshots SET awards_confirmed_at = NULL, awards_confirmed_by = NULL WHERE campaign_id = $1', [campaignId]);
}

/** The sheet that explains an import's columns, beside the file the office fills in. */
export function instructionsSheet(name: string, columns: readonly { key: string; headerZh: string; rule: string }[]): SheetSpec {
  return {
    name,
    columns: [
      { header: '列名 Column', key: 'key', width: 28 },
      { header: '中文列名 Chinese header', key: 'headerZh', width: 24 },
      { header: '规则 Rule', key: 'rule', width: 90 },
    ],
    rows: columns.map((spec) => ({ key: spec.key, headerZh: spec.headerZh, rule: spec.rule })),
  };
}
