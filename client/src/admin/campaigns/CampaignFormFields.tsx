import { DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useConsoleTranslation } from '../useConsoleTranslation';

/** What the campaign forms hold; times are Beijing wall-clock values (see officeTime.ts). */
export interface CampaignWindowValues {
  title: string;
  opensAt?: Dayjs | null;
  closesAt?: Dayjs | null;
}

const PICKER_FORMAT = 'YYYY-MM-DD HH:mm';

/** The title, shared by the create and edit forms. */
export function CampaignTitleField() {
  const { t } = useConsoleTranslation();
  return (
    <Form.Item
      name="title"
      label={t('campaigns.form.title')}
      rules={[{ required: true, whitespace: true, min: 2, message: t('campaigns.form.titleRequired') }]}
    >
      <Input maxLength={200} autoComplete="off" placeholder={t('campaigns.form.titlePlaceholder')} />
    </Form.Item>
  );
}

/** Opening and closing time, shared by the create and edit forms. */
export function CampaignWindowFields() {
  const { t } = useConsoleTranslation();
  return (
    <div className="console-form-pair">
      <Form.Item name="opensAt" label={t('campaigns.form.opensAt')}>
        <DatePicker showTime={{ format: 'HH:mm' }} format={PICKER_FORMAT} className="console-block" />
      </Form.Item>
      <Form.Item
        name="closesAt"
        label={t('campaigns.form.closesAt')}
        dependencies={['opensAt']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, closesAt: Dayjs | null | undefined) => {
              const opensAt = getFieldValue('opensAt') as Dayjs | null | undefined;
              return !opensAt || !closesAt || closesAt.isAfter(opensAt)
                ? Promise.resolve()
                : Promise.reject(new Error(t('campaigns.form.closesBeforeOpens')));
            },
          }),
        ]}
      >
        <DatePicker showTime={{ format: 'HH:mm' }} format={PICKER_FORMAT} className="console-block" />
      </Form.Item>
    </div>
  );
}
