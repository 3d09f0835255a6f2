import { App, Form, Modal } from 'antd';
import { useState } from 'react';
import { updateCampaign } from '../../api/endpoints';
import type { CampaignDto, UpdateCampaignDto } from '../../api/models';
import { fromOfficePickerValue, toOfficePickerValue } from '../officeTime';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useReportError } from '../useReportError';
import { showCampaignProblems } from './campaignErrors';
import { CampaignTitleField, CampaignWindowFields, type CampaignWindowValues } from './CampaignFormFields';

const FIELDS = ['title', 'opensAt', 'closesAt'] as const;

interface EditCampaignModalProps {
  open: boolean;
  campaign: CampaignDto;
  onClose: () => void;
  onSaved: (campaign: CampaignDto) => void;
}

/** Only what changed, so the audit log shows a minimal difference. */
function changedFields(campaign: CampaignDto, values: CampaignWindowValues): UpdateCampaignDto {
  const changes: UpdateCampaignDto = {};
  const title = values.title.trim();
  if (title !== campaign.title) changes.title = title;
  // Compared after the same trip through the picker, which drops milliseconds.
  const unchanged = (iso: string | null) => fromOfficePickerValue(toOfficePickerValue(iso));
  const opensAt = fromOfficePickerValue(values.opensAt);
  if (opensAt !== unchanged(campaign.opensAt)) changes.opensAt = opensAt;
  const closesAt = fromOfficePickerValue(values.closesAt);
  if (closesAt !== unchanged(campaign.closesAt)) changes.closesAt = closesAt;
  return changes;
}

/** Title and window of a draft campaign; the server refuses once it has opened. */
export function EditCampaignModal({ open, campaign, onClose, onSaved }: EditCampaignModalProps) {
  const { t } = useConsoleTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [form] = Form.useForm<CampaignWindowValues>();
  const [submitting, setSubmitting] = useState(false);

  const submit = async (values: CampaignWindowValues) => {
    const changes = changedFields(campaign, values);
    if (Object.keys(changes).length === 0) {
      void message.info(t('campaigns.form.nothingChanged'));
      return;
    }
    setSubmitting(true);
    try {
      onSaved(await updateCampaign(campaign.id, changes));
    } catch (error) {
      if (!showCampaignProblems(form, FIELDS, error)) reportError(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('campaigns.form.editTitle')}
      okText={t('actions.save')}
      cancelText={t('actions.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<CampaignWindowValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={{
          title: campaign.title,
          opensAt: toOfficePickerValue(campaign.opensAt),
          closesAt: toOfficePickerValue(campaign.closesAt),
        }}
      >
        <CampaignTitleField />
        <CampaignWindowFields />
      </Form>
    </Modal>
  );
}
