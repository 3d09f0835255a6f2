import type { EntityManager } from 'typeorm';
import { AppError, ErrorCode } from '../common/errors.js';
import type { SheetSpec } from '../common/tabular.js';

/**
 * What every change to the office's inputs to the results does (inspection scores, CSR figures,
 * overrides, voided ballots): it locks the campaign against a concurrent change or publication,
 * is refused once the results are published, and takes back the confirmation of the awards,
 * because results computed before it are stale.
 */
export async function lockForOfficeInput(manager: EntityManager, campaignId: string): Promise<void> {
  const [campaign]: { status: string }[] = await manager.query('SELECT status FROM campaigns WHERE id = $1 FOR NO KEY UPDATE', [campaignId]);
  if (!campaign) throw new AppError(ErrorCode.NotFound);
  if (campaign.status === 'published') throw new AppError(ErrorCode.ResultsFrozen);
}

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
