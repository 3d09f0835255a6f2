import { ArrowDownOutlined, ArrowUpOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, fieldProblems } from '../../api/errors';
import { AdminOnly } from '../AdminOnly';
import { LoadFailure } from '../LoadFailure';
import { PageHeader } from '../PageHeader';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useRemoteData } from '../useRemoteData';
import { useReportError } from '../useReportError';
import { createCaseCategory, fetchCaseCategories, updateCaseCategory, type CaseCategoryListItemDto } from './caseApi';

export function Component() {
  return (
    <AdminOnly>
      <CaseCategoriesPage />
    </AdminOnly>
  );
}

interface CategoryForm {
  code: string;
  nameZh: string;
  nameEn: string;
}

const CODE_PATTERN = /^[a-z0-9-]+$/;

/** The office's list of case categories: what the case forms offer, in which order. */
function CaseCategoriesPage() {
  const { t } = useConsoleTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const load = useCallback(() => fetchCaseCategories(), []);
  const categories = useRemoteData(load);
  const [editing, setEditing] = useState<CaseCategoryListItemDto | 'new'>();
  const [busyCode, setBusyCode] = useState<string>();

  const rows = [...(categories.data ?? [])].sort((a, b) => a.position - b.position || a.code.localeCompare(b.code));

  const move = async (index: number, offset: -1 | 1) => {
    const order = [...rows];
    const [moved] = order.splice(index, 1);
    order.splice(index + offset, 0, moved);
    setBusyCode(moved.code);
    try {
      // Number the list afresh so equal or missing positions cannot stop a move.
      for (const [i, item] of order.entries()) {
        if (item.position !== i + 1) await updateCaseCategory(item.code, { position: i + 1 });
      }
    } catch (error) {
      reportError(error);
    } finally {
      setBusyCode(undefined);
      categories.reload();
    }
  };

  const setActive = async (item: CaseCategoryListItemDto, active: boolean) => {
    setBusyCode(item.code);
    try {
      await updateCaseCategory(item.code, { active });
      void message.success(t(active ? 'caseCategories.restored' : 'caseCategories.retired', { code: item.code }));
    } catch (error) {
      reportError(error);
    } finally {
      setBusyCode(undefined);
      categories.reload();
    }
  };

  const columns: ColumnsType<CaseCategoryListItemDto> = [
    { key: 'order', title: t('caseCategories.columns.order'), width: 80, render: (_, __, index) => index + 1 },
    { key: 'code', title: t('caseCategories.columns.code'), dataIndex: 'code', render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
    { key: 'nameZh', title: t('caseCategories.columns.nameZh'), dataIndex: 'nameZh' },
    { key: 'nameEn', title: t('caseCategories.columns.nameEn'), dataIndex: 'nameEn' },
    {
      key: 'active',
      title: t('caseCategories.columns.active'),
      render: (_, item) => (
        <Space>
          <Switch
            checked={item.active}
            loading={busyCode === item.code}
            aria-label={t('caseCategories.activeSwitch', { code: item.code })}
            onChange={(checked) => void setActive(item, checked)}
          />
          {!item.active && <Tag>{t('caseCategories.inactive')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'actions',
      title: t('caseCategories.columns.actions'),
      render: (_, item, index) => (
        <Space>
          <Button size="small" icon={<ArrowUpOutlined />} aria-label={t('caseCategories.moveUp', { code: item.code })} disabled={index === 0 || busyCode !== undefined} onClick={() => void move(index, -1)} />
          <Button
            size="small"
            icon={<ArrowDownOutlined />}
            aria-label={t('caseCategories.moveDown', { code: item.code })}
            disabled={index === rows.length - 1 || busyCode !== undefined}
            onClick={() => void move(index, 1)}
          />
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(item)}>
            {t('caseCategories.rename')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('caseCategories.title')}
        actions={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('caseCategories.add')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('caseCategories.intro')}</Typography.Paragraph>
      {categories.error !== undefined && <LoadFailure error={categories.error} onRetry={categories.reload} />}
      <Table<CaseCategoryListItemDto> rowKey="code" columns={columns} dataSource={rows} loading={categories.loading} pagination={false} scroll={{ x: 'max-content' }} />
      <CategoryModal
        editing={editing}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          categories.reload();
        }}
      />
    </>
  );
}

function CategoryModal({ editing, onClose, onSaved }: { editing: CaseCategoryListItemDto | 'new' | undefined; onClose: () => void; onSaved: () => void }) {
  const { t } = useConsoleTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [form] = Form.useForm<CategoryForm>();
  const [busy, setBusy] = useState(false);
  const adding = editing === 'new';

  useEffect(() => {
    if (editing === undefined) return;
    form.resetFields();
    if (editing !== 'new') form.setFieldsValue({ code: editing.code, nameZh: editing.nameZh, nameEn: editing.nameEn });
  }, [editing, form]);

  const submit = async (values: CategoryForm) => {
    if (editing === undefined) return;
    setBusy(true);
    const nameZh = values.nameZh.trim();
    const nameEn = values.nameEn.trim();
    try {
      if (editing === 'new') {
        await createCaseCategory({ code: values.code.trim(), nameZh, nameEn });
        void message.success(t('caseCategories.added', { code: values.code.trim() }));
      } else {
        await updateCaseCategory(editing.code, { nameZh, nameEn });
        void message.success(t('caseCategories.renamed', { code: editing.code }));
      }
      onSaved();
    } catch (error) {
      const problems = fieldProblems(error);
      if (error instanceof ApiError && problems.length > 0) {
        form.setFields(problems.map((p) => ({ name: p.field as keyof CategoryForm, errors: [p.message] })));
      } else if (error instanceof ApiError && error.status === 409) {
        form.setFields([{ name: 'code', errors: [t('caseCategories.codeTaken')] }]);
      } else {
        reportError(error);
      }
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, whitespace: true, message: t('caseCategories.required') }];
  return (
    <Modal
      open={editing !== undefined}
      title={adding ? t('caseCategories.addTitle') : t('caseCategories.renameTitle', { code: editing?.code ?? '' })}
      okText={t('caseCategories.save')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      <Form<CategoryForm> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="code"
          label={t('caseCategories.columns.code')}
          extra={adding ? t('caseCategories.codeHint') : undefined}
          rules={adding ? [...required, { pattern: CODE_PATTERN, message: t('caseCategories.codeFormat') }] : []}
        >
          <Input disabled={!adding} />
        </Form.Item>
        <Form.Item name="nameZh" label={t('caseCategories.columns.nameZh')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('caseCategories.columns.nameEn')} rules={required}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
