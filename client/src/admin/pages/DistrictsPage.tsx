import { Form, Select, Tag, type TableColumnsType } from 'antd';
import { useCallback } from 'react';
import { fetchDistricts } from '../../api/endpoints';
import type { DistrictDto, DistrictKind } from '../../api/models';
import { currentLanguage } from '../../i18n';
import { OfficeStaffOnly } from '../AdminOnly';
import { FilterSelect } from '../FilterSelect';
import { DirectoryHeader } from '../directory/DirectoryHeader';
import { DirectoryRecordModal, OptionalText } from '../directory/DirectoryRecordModal';
import { DISTRICT_KINDS } from '../directory/directoryRecords';
import { codeColumn, DirectoryTable, nameColumn, updatedAtColumn } from '../directory/DirectoryTable';
import { useRecordEditor } from '../directory/useRecordEditor';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useListParams } from '../useListParams';
import { useRemoteData } from '../useRemoteData';

const FILTERS = ['kind'] as const;

const KIND_COLORS: Record<DistrictKind, string> = {
  district: 'blue',
  'county-level-city': 'cyan',
  county: 'green',
  'development-zone': 'purple',
};

export function Component() {
  return (
    <OfficeStaffOnly>
      <DistrictsPage />
    </OfficeStaffOnly>
  );
}

function isDistrictKind(value: string | undefined): value is DistrictKind {
  return DISTRICT_KINDS.includes(value as DistrictKind);
}

function DistrictsPage() {
  const { t } = useConsoleTranslation();
  const language = currentLanguage();
  const list = useListParams(FILTERS);
  const { q, page, pageSize, filters } = list;
  const kind = isDistrictKind(filters.kind) ? filters.kind : undefined;
  const load = useCallback(() => fetchDistricts({ q: q || undefined, page, pageSize, kind }), [q, page, pageSize, kind]);
  const districts = useRemoteData(load);
  const editor = useRecordEditor();
  const kindOptions = DISTRICT_KINDS.map((value) => ({ value, label: t(`directory.districtKinds.${value}`) }));

  const columns: TableColumnsType<DistrictDto> = [
    codeColumn(t('directory.fields.code'), 'code'),
    nameColumn(t('directory.fields.name')),
    {
      key: 'kind',
      title: t('directory.fields.kind'),
      dataIndex: 'kind',
      render: (value: DistrictKind) => <Tag color={KIND_COLORS[value]}>{t(`directory.districtKinds.${value}`)}</Tag>,
    },
    {
      key: 'divisionCode',
      title: t('directory.fields.divisionCode'),
      dataIndex: 'divisionCode',
      responsive: ['md'],
      render: (divisionCode: string | null) => <span className="console-monospace">{divisionCode ?? '—'}</span>,
    },
    {
      key: 'enterpriseCount',
      title: t('directory.fields.enterpriseCount'),
      dataIndex: 'enterpriseCount',
      align: 'right',
      responsive: ['sm'],
    },
    updatedAtColumn(t('directory.fields.updatedAt'), language),
  ];

  return (
    <>
      <DirectoryHeader
        kind="districts"
        list={list}
        editor={editor}
        filters={
          <FilterSelect
            placeholder={t('directory.allKinds')}
            label={t('directory.fields.kind')}
            value={kind}
            options={kindOptions}
            onChange={(value) => list.setFilter('kind', value)}
          />
        }
      />
      <DirectoryTable<DistrictDto>
        kind="districts"
        columns={columns}
        recordKey={(district) => district.code}
        remote={districts}
        list={list}
        editor={editor}
      />
      <DirectoryRecordModal kind="districts" editor={editor} defaults={{ kind: 'district' }} onSaved={districts.reload}>
        <Form.Item
          name="kind"
          label={t('directory.fields.kind')}
          rules={[{ required: true, message: t('directory.form.required', { field: t('directory.fields.kind') }) }]}
        >
          <Select options={kindOptions} />
        </Form.Item>
        <OptionalText
          name="divisionCode"
          label={t('directory.fields.divisionCode')}
          maxLength={6}
          extra={t('directory.form.divisionCodeHint')}
        />
      </DirectoryRecordModal>
    </>
  );
}
