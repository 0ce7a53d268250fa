import { useState } from 'react';
import { Button, Input, Modal, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { queryString } from '../api';

/**
 * Downloads the current filtered list. Exports are masked; an unmasked export needs the reveal
 * ability and a reason, and the server logs both kinds for the community secretary.
 */
export function ExportButtons({
  path,
  filters,
  canReveal,
}: {
  path: string;
  filters: Record<string, unknown>;
  canReveal: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const href = (format: string, extra: Record<string, unknown> = {}) =>
    `${path}${queryString({ ...filters, ...extra, format })}`;
  return (
    <Space wrap>
      <Button icon={<DownloadOutlined />} href={href('xlsx')}>
        导出 Excel
      </Button>
      <Button icon={<DownloadOutlined />} href={href('csv')}>
        导出 CSV
      </Button>
      {canReveal && (
        <Button danger onClick={() => setOpen(true)}>
          导出完整证件号
        </Button>
      )}
      <Modal
        title="导出完整证件号码和电话"
        open={open}
        okText="导出"
        okButtonProps={{ disabled: reason.trim().length < 4, href: href('xlsx', { reveal: 1, reason }) }}
        onOk={() => setOpen(false)}
        onCancel={() => setOpen(false)}
      >
        <p>导出的文件包含完整个人信息，本次导出将记录您的姓名、时间与原因，供社区书记审阅。</p>
        <Input.TextArea
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="请填写导出原因（至少4个字），如：民政年度核查"
          maxLength={200}
        />
      </Modal>
    </Space>
  );
}
