import { Form, Input, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { useCallback } from 'react';
import { fetchDistricts, fetchEnterprises } from '../../api/endpoints';
import type { EnterpriseDto, SizeBand } from '../../api/models';
import { OfficeStaffOnly } from '../AdminOnly';
import { FilterSelect } from '../FilterSelect';
import { BilingualName, localName } from '../BilingualName';
import { DirectoryHeader } from '../directory/DirectoryHeader';
import { DirectoryRecordModal, OptionalText, SuggestedText } from '../directory/DirectoryRecordModal';
import { SIZE_BANDS } from '../directory/directoryRecords';
import { codeColumn, DirectoryTable } from '../directory/DirectoryTable';
import { useRecordEditor } from '../directory/useRecordEditor';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useListParams } from '../useListParams';
import { useRemoteData } from '../useRemoteData';

const FILTERS = ['district', 'industry', 'investorCountry', 'sizeBand'] as const;
/** The server's largest page: every district of a city fits. */
const ALL_DISTRICTS = { pageSize: 500 };

export function Component() {
  return (
    <OfficeStaffOnly>
      <EnterprisesPage />
    </OfficeStaffOnly>
  );
}

function isSizeBand(value: string | undefined): value is SizeBand {
  return SIZE_BANDS.includes(value as SizeBand);
}

const textOptions = (values: string[]) => values.map((value) => ({ value, label: value }));

function EnterprisesPage() {
  const { t } = useConsoleTranslation();
  const list = useListParams(FILTERS);
  const { q, page, pageSize, filters } = list;
  const sizeBand = isSizeBand(filters.sizeBand) ? filters.sizeBand : undefined;
  const load = useCallback(
    () =>
      fetchEnterprises({
        q: q || undefined,
        page,
        pageSize,
        district: filters.district,
        industry: filters.industry,
        investorCountry: filters.investorCountry,
        sizeBand,
      }),
    [q, page, pageSize, filters, sizeBand],
  );
  const enterprises = useRemoteData(load);
  const loadDistricts = useCallback(() => fetchDistricts(ALL_DISTRICTS), []);
  const districts = useRemoteData(loadDistricts);
  const editor = useRecordEditor();

  const districtOptions = (districts.data?.items ?? []).map((district) => ({
    value: district.code,
    label: `${localName(district.nameZh, district.nameEn)} (${district.code})`,
  }));
  const sizeBandOptions = SIZE_BANDS.map((value) => ({ value, label: t(`directory.sizeBands.${value}`) }));
  const industries = enterprises.data?.industries ?? [];
  const countries = enterprises.data?.investorCountries ?? [];

  const columns: TableColumnsType<EnterpriseDto> = [
    {
      key: 'name',
      title: t('directory.fields.name'),
      render: (_, enterprise) => (
        <>
          <BilingualName zh={enterprise.nameZh} en={enterprise.nameEn} />
          {/* Phones drop the code column, so the code goes under the name. */}
          <div className="console-show-on-phone">
            <span className="console-monospace">{enterprise.uscc}</span>
          </div>
        </>
      ),
    },
    { ...codeColumn<EnterpriseDto>(t('directory.fields.uscc'), 'uscc'), responsive: ['sm'] },
    {
      key: 'district',
      title: t('directory.fields.districtCode'),
      render: (_, enterprise) => <span className="console-nowrap">{localName(enterprise.districtNameZh, enterprise.districtNameEn)}</span>,
    },
    {
      key: 'industry',
      title: t('directory.fields.industry'),
      dataIndex: 'industry',
      responsive: ['md'],
    },
    {
      key: 'investorCountry',
      title: t('directory.fields.investorCountry'),
      dataIndex: 'investorCountry',
      responsive: ['md'],
    },
    {
      key: 'sizeBand',
      title: t('directory.fields.sizeBand'),
      dataIndex: 'sizeBand',
      responsive: ['sm'],
      render: (value: SizeBand | null) => (value ? <Tag>{t(`directory.sizeBands.${value}`)}</Tag> : '—'),
    },
    {
      key: 'contact',
      title: t('directory.fields.contact'),
      responsive: ['lg'],
      render: (_, enterprise) => (
        <div className="console-contact">
          <span>{enterprise.contactName || '—'}</span>
          {enterprise.contactPhone && <Typography.Text type="secondary">{enterprise.contactPhone}</Typography.Text>}
          {enterprise.contactEmail && <Typography.Text type="secondary">{enterprise.contactEmail}</Typography.Text>}
        </div>
      ),
    },
  ];
  return (
    <>
      <DirectoryHeader
        kind="enterprises"
        list={list}
        editor={editor}
        filters={
          <>
            <FilterSelect
              searchable
              placeholder={t('directory.allDistricts')}
              label={t('directory.fields.districtCode')}
              value={filters.district}
              options={districtOptions}
              onChange={(value) => list.setFilter('district', value)}
            />
            <FilterSelect
              searchable
              placeholder={t('directory.allIndustries')}
              label={t('directory.fields.industry')}
              value={filters.industry}
              options={textOptions(industries)}
              onChange={(value) => list.setFilter('industry', value)}
            />
            <FilterSelect
              searchable
              placeholder={t('directory.allCountries')}
              label={t('directory.fields.investorCountry')}
              value={filters.investorCountry}
              options={textOptions(countries)}
              onChange={(value) => list.setFilter('investorCountry', value)}
            />
            <FilterSelect
              placeholder={t('directory.allSizeBands')}
              label={t('directory.fields.sizeBand')}
              value={sizeBand}
              options={sizeBandOptions}
              onChange={(value) => list.setFilter('sizeBand', value)}
            />
          </>
        }
      />
      <DirectoryTable<EnterpriseDto>
        kind="enterprises"
        columns={columns}
        recordKey={(enterprise) => enterprise.uscc}
        remote={enterprises}
        list={list}
        editor={editor}
      />
      <DirectoryRecordModal kind="enterprises" editor={editor} onSaved={enterprises.reload}>
        <Form.Item
          name="districtCode"
          label={t('directory.fields.districtCode')}
          rules={[{ required: true, message: t('directory.form.required', { field: t('directory.fields.districtCode') }) }]}
        >
          <Select showSearch={{ optionFilterProp: 'label' }} options={districtOptions} loading={districts.loading} />
        </Form.Item>
        <SuggestedText name="industry" label={t('directory.fields.industry')} maxLength={100} suggestions={industries} />
        <SuggestedText
          name="investorCountry"
          label={t('directory.fields.investorCountry')}
          maxLength={100}
          suggestions={countries}
        />
        <Form.Item name="sizeBand" label={t('directory.fields.sizeBand')}>
          <Select allowClear options={sizeBandOptions} />
        </Form.Item>
        <OptionalText name="contactName" label={t('directory.fields.contactName')} maxLength={100} />
        <Form.Item name="contactPhone" label={t('directory.fields.contactPhone')}>
          <Input maxLength={40} autoComplete="off" inputMode="tel" />
        </Form.Item>
        <Form.Item name="contactEmail" label={t('directory.fields.contactEmail')}>
          <Input maxLength={200} autoComplete="off" inputMode="email" />
        </Form.Item>
      </DirectoryRecordModal>
    </>
  );
}
