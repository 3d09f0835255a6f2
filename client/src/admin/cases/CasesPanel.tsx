import { Segmented } from 'antd';
import { useSearchParams } from 'react-router';
import type { CampaignDto } from '../../api/models';
import { isAdmin } from '../roles';
import { useCurrentUser } from '../session';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { CaseFigures } from './CaseFigures';
import { CaseList } from './CaseList';

type View = 'list' | 'figures';

/** The cases tab of a campaign: the cases themselves, or the figures per unit. */
export function CasesPanel({ campaign }: { campaign: CampaignDto }) {
  const { t } = useConsoleTranslation();
  const admin = isAdmin(useCurrentUser());
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'figures' ? 'figures' : 'list';
  const select = (next: View) =>
    setParams(
      (previous) => {
        const updated = new URLSearchParams(previous);
        if (next === 'list') updated.delete('view');
        else updated.set('view', next);
        return updated;
      },
      { replace: true },
    );
  return (
    <>
      <Segmented<View>
        value={view}
        onChange={select}
        options={(['list', 'figures'] as const).map((value) => ({ value, label: t(`cases.views.${value}`) }))}
        className="console-cases-views"
        style={{ marginBottom: 12 }}
      />
      {view === 'list' ? <CaseList campaignId={campaign.id} canCreate={admin} /> : <CaseFigures campaignId={campaign.id} />}
    </>
  );
}
