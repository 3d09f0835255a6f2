import { DownloadOutlined, QrcodeOutlined } from '@ant-design/icons';
import { Button, Popover, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { saveBlob } from '../../api/client';
import { QrCode } from '../QrCode';
import { qrCodeShape, qrCodeSvgFile } from '../qrCodeShape';
import { useConsoleTranslation } from '../useConsoleTranslation';

interface QrCodeButtonProps {
  link: string;
  name: string;
  /** Names the downloaded file. */
  code: string;
}

/** A button whose popover shows the link's QR code, drawn in the browser when first opened. */
export function QrCodeButton({ link, name, code }: QrCodeButtonProps) {
  const { t } = useConsoleTranslation();
  const [opened, setOpened] = useState(false);
  const shape = useMemo(() => (opened ? qrCodeShape(link) : undefined), [opened, link]);
  const title = t('links.qrCodeFor', { name });

  return (
    <Popover
      trigger="click"
      title={title}
      onOpenChange={(open) => open && setOpened(true)}
      content={
        shape && (
          <div className="console-qr">
            <QrCode shape={shape} label={title} className="console-qr__image" />
            <Typography.Text className="console-monospace console-qr__link">{link}</Typography.Text>
            <Button type="link" size="small" icon={<DownloadOutlined />} onClick={() => saveBlob(qrCodeSvgFile(shape), `${code}.svg`)}>
              {t('links.downloadQrCode')}
            </Button>
          </div>
        )
      }
    >
      <Button type="text" size="small" icon={<QrcodeOutlined />} aria-label={title} title={t('links.qrCode')} />
    </Popover>
  );
}
