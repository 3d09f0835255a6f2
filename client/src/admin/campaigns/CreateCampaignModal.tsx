import { Alert, Button, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { createCampaign } from '../../api/endpoints';
import { ApiError, describeError } from '../../api/errors';
import type { CampaignDto } from '../../api/models';
import { OFFICE_TIME_ZONE } from '../../shared/format';
import { fromOfficePickerValue } from '../officeTime';
import { CONSOLE_HOME } from '../session';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useReportError } from '../useReportError';
import { showCampaignProblems } from './campaignErrors';
import { CampaignTitleField, CampaignWindowFields, type CampaignWindowValues } from './CampaignFormFields';

interface CreateValues extends CampaignWindowValues {
  year: number;
  slug?: string;
}

const FIELDS = ['title', 'year', 'slug', 'opensAt', 'closesAt'] as const;
const SLUG = /^[a-z0-9][a-z0-9-]{2,63}$/;

interface CreateCampaignModalProps {
  open: boolean;
  onClose: () => void;
  onCreated: (campaign: CampaignDto) => void;
}

function currentOfficeYear(): number {
  return Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: OFFICE_TIME_ZONE }).format(new Date()));
}

export function CreateCampaignModal({ open, onClose, onCreated }: CreateCampaignModalProps) {
  const { t } = useConsoleTranslation();
  const navigate = useNavigate();
  const reportError = useReportError();
  const [form] = Form.useForm<CreateValues>();
  const [submitting, setSubmitting] = useState(false);
  const [emptyDirectory, setEmptyDirectory] = useState<ApiError>();

  const submit = async (values: CreateValues) => {
    setSubmitting(true);
    setEmptyDirectory(undefined);
    try {
      const slug = values.slug?.trim();
      const created = await createCampaign({
        title: values.title.trim(),
        year: values.year,
        template: 'service-month',
        slug: slug || undefined,
        opensAt: fromOfficePickerValue(values.opensAt) ?? undefined,
        closesAt: fromOfficePickerValue(values.closesAt) ?? undefined,
      });
      onCreated(created);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CAMPAIGN_EMPTY_DIRECTORY') setEmptyDirectory(error);
      else if (!showCampaignProblems(form, FIELDS, error)) reportError(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('campaigns.form.createTitle')}
      okText={t('actions.create')}
      cancelText={t('actions.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setEmptyDirectory(undefined)}
      destroyOnHidden
    >
      <Form<CreateValues> form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={{ year: currentOfficeYear() }}>
        {emptyDirectory && (
          <Alert
            type="warning"
            showIcon
            title={describeError(emptyDirectory)}
            action={
              <Button size="small" onClick={() => void navigate(`${CONSOLE_HOME}/directory/import`)}>
                {t('campaigns.form.goImport')}
              </Button>
            }
            className="console-form-alert"
          />
        )}
        <CampaignTitleField />
        <div className="console-form-pair">
          <Form.Item name="year" label={t('campaigns.form.year')} rules={[{ required: true, message: t('campaigns.form.yearRequired') }]}>
            <InputNumber min={2000} max={2100} precision={0} className="console-block" />
          </Form.Item>
          <Form.Item
            name="slug"
            label={t('campaigns.form.slug')}
            rules={[{ pattern: SLUG, message: t('campaigns.form.slugInvalid') }]}
          >
            <Input maxLength={64} autoComplete="off" className="console-monospace-input" />
          </Form.Item>
        </div>
        <Typography.Paragraph type="secondary" className="console-form-note">
          {t('campaigns.form.slugHint')}
        </Typography.Paragraph>
        <CampaignWindowFields />
        <Form.Item label={t('campaigns.form.template')}>
          <Typography.Text>{t('campaigns.form.templateValue')}</Typography.Text>
        </Form.Item>
        <Alert type="info" showIcon title={t('campaigns.form.draftHint')} />
      </Form>
    </Modal>
  );
}
