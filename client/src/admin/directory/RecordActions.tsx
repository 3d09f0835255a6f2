import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App } from 'antd';
import { deleteDirectoryRecord } from '../../api/endpoints';
import { ApiError, describeError } from '../../api/errors';
import type { DirectoryKind } from '../../api/models';
import { RowActions } from '../RowActions';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useReportError } from '../useReportError';

interface RecordActionsProps {
  kind: DirectoryKind;
  recordKey: string;
  name: string;
  onEdit: () => void;
  onDeleted: () => void;
}

/** Edit and delete for a row; deleting asks first, and a record still in use gets the server's explanation. */
export function RecordActions({ kind, recordKey, name, onEdit, onDeleted }: RecordActionsProps) {
  const { t } = useConsoleTranslation();
  const { message, modal } = App.useApp();
  const reportError = useReportError();

  const remove = async () => {
    try {
      await deleteDirectoryRecord(kind, recordKey);
      void message.success(t('directory.remove.done', { name }));
      onDeleted();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'IN_USE') {
        modal.error({
          title: t('directory.remove.inUseTitle', { name }),
          content: (
            <>
              <p>{describeError(error)}</p>
              <p>{t('directory.remove.inUseHint')}</p>
            </>
          ),
        });
      } else {
        reportError(error);
      }
    }
  };

  const confirmRemove = () =>
    modal.confirm({
      title: t('directory.remove.title', { name }),
      content: t('directory.remove.description'),
      okText: t('actions.delete'),
      okButtonProps: { danger: true },
      cancelText: t('actions.cancel'),
      onOk: remove,
    });

  return (
    <RowActions
      actions={[
        { key: 'edit', label: t('actions.edit'), icon: <EditOutlined />, onClick: onEdit },
        { key: 'delete', label: t('actions.delete'), icon: <DeleteOutlined />, danger: true, onClick: confirmRemove },
      ]}
    />
  );
}
