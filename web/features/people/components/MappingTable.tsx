import { Select, Table, Tag } from 'antd';
import type { ImportInfo } from '../types';

/** One row per column of the uploaded file: which field it fills (remembered for the next file). */
export function MappingTable({
  info,
  mapping,
  onChange,
}: {
  info: ImportInfo;
  mapping: Record<string, string>;
  onChange: (m: Record<string, string>) => void;
}) {
  const used = new Set(Object.values(mapping));
  const missing = info.fields.filter((f) => f.required && !used.has(f.field));
  return (
    <>
      <Table
        size="small"
        rowKey="header"
        pagination={false}
        dataSource={info.headers.map((header) => ({ header }))}
        columns={[
          { title: '文件中的列', dataIndex: 'header' },
          {
            title: '对应字段',
            key: 'field',
            render: (_: unknown, { header }: { header: string }) => (
              <Select
                allowClear
                placeholder="不导入"
                style={{ width: 200 }}
                value={mapping[header]}
                options={info.fields.map((f) => ({
                  value: f.field,
                  label: `${f.label}${f.required ? '（必填）' : ''}`,
                  disabled: used.has(f.field) && mapping[header] !== f.field,
                }))}
                onChange={(field?: string) => {
                  const next = { ...mapping };
                  if (field) next[header] = field;
                  else delete next[header];
                  onChange(next);
                }}
              />
            ),
          },
        ]}
      />
      {missing.length > 0 && (
        <p style={{ marginTop: 8 }}>
          尚未对应的必填字段：
          {missing.map((f) => (
            <Tag color="red" key={f.field}>
              {f.label}
            </Tag>
          ))}
        </p>
      )}
    </>
  );
}
