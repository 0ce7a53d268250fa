import { useEffect, useState } from 'react';
import { Empty, Input, List, Typography } from 'antd';
import { useDebouncedValue } from '../../../shared/use-debounced-value';
import { searchDivisions, type Division } from '../api';

/** Search the NBS list by name or code and pick one district (区/县). */
export function DistrictPicker({ value, onChange }: { value: Division | null; onChange: (d: Division) => void }) {
  const [q, setQ] = useState(value?.name ?? '');
  const query = useDebouncedValue(q.trim(), 250);
  const [hits, setHits] = useState<Division[]>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    if (!query) {
      setHits([]);
      return;
    }
    let live = true;
    setLoading(true);
    searchDivisions(query)
      .then(
        (d) => live && setHits(d),
        () => live && setHits([]),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [query]);
  return (
    <>
      <Input.Search
        placeholder="输入区县名称或代码，如 姑苏区、320508"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        loading={loading}
        allowClear
        autoFocus
        aria-label="检索区县"
      />
      {value && (
        <Typography.Paragraph style={{ marginTop: 12 }}>
          已选择：
          <b>
            {value.province} {value.city !== value.province ? value.city : ''} {value.name}
          </b>
          （{value.code}）
        </Typography.Paragraph>
      )}
      <List
        style={{ marginTop: 12, maxHeight: 320, overflow: 'auto' }}
        bordered
        size="small"
        dataSource={hits}
        locale={{
          emptyText: (
            <Empty
              description={query ? '没有匹配的区县' : '请输入名称或代码检索'}
              image={Empty.PRESENTED_IMAGE_SIMPLE}
            />
          ),
        }}
        renderItem={(d) => (
          <List.Item
            role="option"
            aria-selected={value?.code === d.code}
            onClick={() => onChange(d)}
            style={{ cursor: 'pointer', background: value?.code === d.code ? '#fff1f0' : undefined }}
          >
            <span>
              {d.province}
              {d.city !== d.province ? ` · ${d.city}` : ''} · <b>{d.name}</b>
            </span>
            <Typography.Text type="secondary">{d.code}</Typography.Text>
          </List.Item>
        )}
      />
    </>
  );
}
