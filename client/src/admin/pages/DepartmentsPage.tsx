import { Tag, type TableColumnsType } from 'antd';
import { useCallback } from 'react';
import { fetchDepartments } from '../../api/endpoints';
import type { DepartmentDto } from '../../api/models';
import { currentLanguage } from '../../i18n';
import { OfficeStaffOnly } from '../AdminOnly';
import { FilterSelect } from '../FilterSelect';
import { DirectoryHeader } from '../directory/DirectoryHeader';
import { DirectoryRecordModal, SuggestedText } from '../directory/DirectoryRecordModal';
import { codeColumn, DirectoryTable, nameColumn, updatedAtColumn } from '../directory/DirectoryTable';
import { useRecordEditor } from '../directory/useRecordEditor';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useListParams } from '../useListParams';
import { useRemoteData } from '../useRemoteData';

const FILTERS = ['category'] as const;

export function Component() {
  return (
    <OfficeStaffOnly>
      <DepartmentsPage />
    </OfficeStaffOnly>
  );
}

function DepartmentsPage() {
  const { t } = useConsoleTranslation();
  const language = currentLanguage();
  const list = useListParams(FILTERS);
  const { q, page, pageSize, filters } = list;
  const load = useCallback(
    () => fetchDepartments({ q: q || undefined, page, pageSize, category: filters.category }),
    [q, page, pageSize, filters],
  );
  const departments = useRemoteData(load);
  const editor = useRecordEditor();
  const categories = departments.data?.categories ?? [];

  const columns: TableColumnsType<DepartmentDto> = [
    codeColumn(t('directory.fields.code'), 'code'),
    nameColumn(t('directory.fields.name')),
    {
      key: 'category',
      title: t('directory.fields.category'),
      dataIndex: 'category',
      render: (category: string) => <Tag>{category}</Tag>,
    },
    updatedAtColumn(t('directory.fields.updatedAt'), language),
  ];

  return (
    <>
      <DirectoryHeader
        kind="departments"
        list={list}
        editor={editor}
        filters={
          <FilterSelect
            searchable
            placeholder={t('directory.allCategories')}
            label={t('directory.fields.category')}
            value={filters.category}
            options={categories.map((category) => ({ value: category, label: category }))}
            onChange={(value) => list.setFilter('category', value)}
          />
        }
      />
      <DirectoryTable<DepartmentDto>
        kind="departments"
        columns={columns}
        recordKey={(department) => department.code}
        remote={departments}
        list={list}
        editor={editor}
      />
      <DirectoryRecordModal kind="departments" editor={editor} onSaved={departments.reload}>
        <SuggestedText
          name="category"
          label={t('directory.fields.category')}
          maxLength={50}
          suggestions={categories}
          required
          extra={t('directory.form.categoryHint')}
        />
      </DirectoryRecordModal>
    </>
  );
}
