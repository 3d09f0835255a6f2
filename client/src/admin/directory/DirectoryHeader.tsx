import { DownloadOutlined, FileExcelOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { downloadDirectoryExport, downloadDirectoryTemplate } from '../../api/endpoints';
import type { DirectoryKind } from '../../api/models';
import { DownloadButton } from '../DownloadButton';
import { PageHeader } from '../PageHeader';
import { isAdmin } from '../roles';
import { CONSOLE_HOME, useCurrentUser } from '../session';
import { SearchBox } from '../SearchBox';
import { useConsoleTranslation } from '../useConsoleTranslation';
import type { ListParams } from '../useListParams';
import type { RecordEditor } from './useRecordEditor';

interface DirectoryHeaderProps {
  kind: DirectoryKind;
  list: Pick<ListParams<string>, 'q' | 'setSearch'>;
  editor: Pick<RecordEditor, 'add'>;
  /** Filters shown beside the search. */
  filters: ReactNode;
}

/** Title, search, the list's buttons (add and import for administrators, export and template for all) and filters. */
export function DirectoryHeader({ kind, list, editor, filters }: DirectoryHeaderProps) {
  const { t } = useConsoleTranslation();
  const navigate = useNavigate();
  const admin = isAdmin(useCurrentUser());
  return (
    <>
      <PageHeader
        title={t(`nav.${kind}`)}
        actions={
          <>
            {admin && (
              <Button type="primary" icon={<PlusOutlined />} onClick={editor.add}>
                {t('actions.add')}
              </Button>
            )}
            {admin && (
              <Button icon={<UploadOutlined />} onClick={() => void navigate(`${CONSOLE_HOME}/directory/import?kind=${kind}`)}>
                {t('actions.import')}
              </Button>
            )}
            <DownloadButton icon={<FileExcelOutlined />} download={() => downloadDirectoryExport(kind)}>
              {t('actions.exportExcel')}
            </DownloadButton>
            <DownloadButton icon={<DownloadOutlined />} download={() => downloadDirectoryTemplate(kind)}>
              {t('actions.downloadTemplate')}
            </DownloadButton>
          </>
        }
      />
      <div className="console-filters" role="search">
        <SearchBox value={list.q} placeholder={t(`directory.searchPlaceholder.${kind}`)} onSearch={list.setSearch} />
        {filters}
      </div>
    </>
  );
}
