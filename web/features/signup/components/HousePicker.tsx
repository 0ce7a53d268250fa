import { useEffect, useState } from 'react';
import { Select, Space } from 'antd';
import { useDebouncedValue } from '../../../shared/use-debounced-value';
import { findCommunities, pickChildren, type PickNode } from '../api';

interface Props {
  value?: number;
  onChange?: (houseNodeId: number | undefined) => void;
}

type Option = { value: number; label: string };
const toOptions = (nodes: PickNode[]): Option[] => nodes.map((n) => ({ value: n.id, label: n.name }));

/** 社区 → 小区 → 楼栋 → 房屋, from the public directory: a resident picks their own address. */
export function HousePicker({ onChange }: Props) {
  const [term, setTerm] = useState('');
  const debounced = useDebouncedValue(term, 300);
  const [communities, setCommunities] = useState<Option[]>([]);
  const [community, setCommunity] = useState<number>();
  const [estate, setEstate] = useState<number>();
  const [building, setBuilding] = useState<number>();
  const [house, setHouse] = useState<number>();
  const [estates, setEstates] = useState<Option[]>([]);
  const [buildings, setBuildings] = useState<Option[]>([]);
  const [houses, setHouses] = useState<Option[]>([]);

  useEffect(() => {
    if (!debounced.trim()) return;
    const controller = new AbortController();
    findCommunities(debounced.trim(), controller.signal)
      .then((rows) => setCommunities(rows.map((c) => ({ value: c.id, label: `${c.name}（${c.streetName}）` }))))
      .catch(() => undefined);
    return () => controller.abort();
  }, [debounced]);

  /** Loads one level's choices after the level above was picked; clears everything below. */
  function load(id: number | undefined, set: (o: Option[]) => void) {
    set([]);
    if (id !== undefined)
      pickChildren(id)
        .then((nodes) => set(toOptions(nodes)))
        .catch(() => undefined);
  }

  const pick = (id: number | undefined) => {
    setHouse(id);
    onChange?.(id);
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Select
        showSearch={{ filterOption: false, onSearch: setTerm }}
        placeholder="输入社区名称查找，如：南门"
        options={communities}
        value={community}
        notFoundContent={term ? '未找到该社区' : '请输入社区名称'}
        onChange={(id: number) => {
          setCommunity(id);
          setEstate(undefined);
          setBuilding(undefined);
          pick(undefined);
          load(id, setEstates);
          setBuildings([]);
          setHouses([]);
        }}
        aria-label="社区"
      />
      <Select
        placeholder="小区"
        options={estates}
        value={estate}
        disabled={!community}
        showSearch={{ optionFilterProp: 'label' }}
        onChange={(id: number) => {
          setEstate(id);
          setBuilding(undefined);
          pick(undefined);
          load(id, setBuildings);
          setHouses([]);
        }}
        aria-label="小区"
      />
      <Select
        placeholder="楼栋"
        options={buildings}
        value={building}
        disabled={!estate}
        showSearch={{ optionFilterProp: 'label' }}
        onChange={(id: number) => {
          setBuilding(id);
          pick(undefined);
          load(id, setHouses);
        }}
        aria-label="楼栋"
      />
      <Select
        placeholder="房屋（门牌号）"
        options={houses}
        value={house}
        disabled={!building}
        showSearch={{ optionFilterProp: 'label' }}
        onChange={(id: number) => pick(id)}
        aria-label="房屋"
      />
    </Space>
  );
}
