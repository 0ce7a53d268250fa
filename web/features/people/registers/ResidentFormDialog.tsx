import { useEffect } from 'react';
import { App, Checkbox, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { MOBILE_RE } from '../../../../contracts/phone.ts';
import type { residentBody } from '../../../../contracts/people.ts';
import type { z } from 'zod';
import { createResident, editResident } from '../api';
import { RESIDENCE_TYPES, toOptions } from '../options';
import type { Resident } from '../types';
import { blankToNull, FormDialog } from './FormDialog';
import { NodePicker } from './NodePicker';

interface Values {
  name: string;
  idKind: string;
  idNumber?: string;
  gender?: string;
  birthDate?: Dayjs;
  phone?: string;
  clearPhone?: boolean;
  houseId?: number;
  householdNo?: string;
  relation?: string;
  residenceType: string;
  careTags: string[];
  movedInOn?: Dayjs;
}
const FIELDS = [
  'name',
  'idKind',
  'idNumber',
  'gender',
  'birthDate',
  'phone',
  'houseId',
  'householdNo',
  'relation',
  'residenceType',
  'careTags',
  'movedInOn',
] as const;
type Body = z.input<typeof residentBody>;
const day = (d?: Dayjs) => (d ? d.format('YYYY-MM-DD') : undefined);

/**
 * 登记居民 (a house, identity number and the facts) or 修改居民 (the facts; the house changes by
 * 搬迁). Identity numbers follow GB 11643 and phones contracts/phone.ts, checked by the server as
 * an import row is; both are stored encrypted. When editing, the stored number and phone are only
 * shown masked, so leaving them empty keeps them.
 */
export function ResidentFormDialog({
  resident,
  careTags,
  open,
  onClose,
  onSaved,
}: {
  resident: Resident | null;
  careTags: string[];
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const idKind = Form.useWatch('idKind', form);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (resident) {
      form.setFieldsValue({
        name: resident.name,
        idKind: resident.idKind,
        gender: resident.gender,
        birthDate: dayjs(resident.birthDate),
        householdNo: resident.householdNo ?? '',
        relation: resident.relation ?? '',
        residenceType: resident.residenceType,
        careTags: resident.careTags,
      });
    }
  }, [open, resident, form]);
  const editing = resident !== null;
  return (
    <FormDialog<Values>
      title={editing ? `修改居民：${resident.name}` : '登记居民'}
      open={open}
      form={form}
      fields={FIELDS}
      onClose={onClose}
      submit={async (v) => {
        const facts = {
          name: v.name.trim(),
          idKind: v.idKind as Body['idKind'],
          gender: (v.gender || undefined) as Body['gender'],
          birthDate: day(v.birthDate),
          householdNo: blankToNull(v.householdNo) ?? undefined,
          relation: blankToNull(v.relation) ?? undefined,
          residenceType: v.residenceType as Body['residenceType'],
          careTags: v.careTags ?? [],
        };
        const idNumber = blankToNull(v.idNumber)?.toUpperCase() ?? undefined;
        const phone = blankToNull(v.phone) ?? undefined;
        if (editing)
          await editResident(resident.id, { ...facts, idNumber, phone, clearPhone: Boolean(v.clearPhone) && !phone });
        else
          await createResident({
            ...facts,
            idNumber: idNumber ?? '',
            phone,
            houseId: v.houseId!,
            movedInOn: day(v.movedInOn),
          });
        message.success(editing ? '已保存' : '已登记');
        onSaved();
      }}
    >
      <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="idKind" label="证件类型" initialValue="身份证">
        <Select options={toOptions(['身份证', '护照'])} />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label="证件号码"
        extra={editing ? `现为 ${resident.idNumberMasked}，不改请留空` : undefined}
        rules={editing ? [] : [{ required: true, message: '请填写证件号码' }]}
      >
        <Input maxLength={20} autoComplete="off" />
      </Form.Item>
      {idKind === '护照' && (
        <>
          <Form.Item name="gender" label="性别" rules={[{ required: true, message: '持护照人员须填写性别' }]}>
            <Select options={toOptions(['男', '女'])} />
          </Form.Item>
          <Form.Item
            name="birthDate"
            label="出生日期"
            rules={[{ required: true, message: '持护照人员须填写出生日期' }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </>
      )}
      <Form.Item
        name="phone"
        label="联系电话"
        extra={editing && resident.phoneMasked ? `现为 ${resident.phoneMasked}，不改请留空` : undefined}
        rules={[{ pattern: MOBILE_RE, message: '请输入 11 位手机号码' }]}
      >
        <Input maxLength={11} inputMode="tel" autoComplete="off" />
      </Form.Item>
      {editing && resident.phoneMasked && (
        <Form.Item name="clearPhone" valuePropName="checked">
          <Checkbox>删除联系电话</Checkbox>
        </Form.Item>
      )}
      {!editing && (
        <>
          <Form.Item name="houseId" label="居住房屋" rules={[{ required: true, message: '请选择居住房屋' }]}>
            <NodePicker level="house" />
          </Form.Item>
          <Form.Item name="movedInOn" label="入住日期">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </>
      )}
      <Form.Item name="residenceType" label="人口类型" rules={[{ required: true, message: '请选择人口类型' }]}>
        <Select options={toOptions(RESIDENCE_TYPES)} />
      </Form.Item>
      <Form.Item name="householdNo" label="户号">
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="relation" label="与户主关系">
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="careTags" label="关怀标签" initialValue={[]}>
        <Select mode="multiple" options={toOptions(careTags)} />
      </Form.Item>
    </FormDialog>
  );
}
