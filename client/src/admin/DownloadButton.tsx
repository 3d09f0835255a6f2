import { Button, type ButtonProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useReportError } from './useReportError';

interface DownloadButtonProps {
  download: () => Promise<void>;
  icon?: ReactNode;
  children: ReactNode;
  type?: ButtonProps['type'];
}

/** A button that fetches a file (an export, a template) and shows that it is busy meanwhile. */
export function DownloadButton({ download, icon, children, type }: DownloadButtonProps) {
  const reportError = useReportError();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await download();
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={icon} type={type} loading={busy} onClick={() => void run()}>
      {children}
    </Button>
  );
}
