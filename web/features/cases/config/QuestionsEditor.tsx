import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Form, Input, Select, Space } from 'antd';

const DATATYPES = [
  { value: 'string', label: '单行文字' },
  { value: 'text', label: '多行文字' },
  { value: 'number', label: '数字' },
  { value: 'datetime', label: '日期时间' },
  { value: 'singlevaluelist', label: '单选' },
  { value: 'multivaluelist', label: '多选' },
];

/** The extra questions of a class (Form.List `questions`), in the order they are asked. */
export function QuestionsEditor() {
  return (
    <Form.List name="questions">
      {(fields, { add, remove, move }) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          {fields.map((f, i) => (
            <Card
              key={f.key}
              size="small"
              title={`问题 ${i + 1}`}
              extra={
                <Space>
                  <Button size="small" disabled={i === 0} onClick={() => move(i, i - 1)}>
                    上移
                  </Button>
                  <MinusCircleOutlined aria-label="删除问题" onClick={() => remove(f.name)} />
                </Space>
              }
            >
              <Space wrap align="start">
                <Form.Item
                  name={[f.name, 'code']}
                  label="编码"
                  rules={[{ required: true, pattern: /^[A-Z][A-Z0-9_]*$/, message: '大写字母开头' }]}
                >
                  <Input style={{ width: 140 }} placeholder="如 COVER_TYPE" />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'description']}
                  label="问题"
                  rules={[{ required: true, min: 2, message: '请填写问题' }]}
                >
                  <Input style={{ width: 220 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'datatype']} label="类型" rules={[{ required: true }]}>
                  <Select options={DATATYPES} style={{ width: 120 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'required']} valuePropName="checked" label="必填">
                  <Checkbox />
                </Form.Item>
              </Space>
              <Form.Item name={[f.name, 'datatypeDescription']} label="填写提示">
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {({ getFieldValue }) =>
                  String(getFieldValue(['questions', f.name, 'datatype'])).endsWith('valuelist') && (
                    <Form.List name={[f.name, 'values']}>
                      {(opts, ops) => (
                        <>
                          {opts.map((o) => (
                            <Space key={o.key} align="baseline">
                              <Form.Item
                                name={[o.name, 'key']}
                                rules={[{ required: true, pattern: /^[a-z0-9_]+$/, message: '小写字母/数字' }]}
                              >
                                <Input placeholder="选项编码" style={{ width: 120 }} />
                              </Form.Item>
                              <Form.Item name={[o.name, 'name']} rules={[{ required: true, message: '请填写' }]}>
                                <Input placeholder="选项名称" style={{ width: 160 }} />
                              </Form.Item>
                              <MinusCircleOutlined aria-label="删除选项" onClick={() => ops.remove(o.name)} />
                            </Space>
                          ))}
                          <Button size="small" icon={<PlusOutlined />} onClick={() => ops.add({ key: '', name: '' })}>
                            添加选项
                          </Button>
                        </>
                      )}
                    </Form.List>
                  )
                }
              </Form.Item>
            </Card>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ code: '', description: '', datatype: 'string', required: false, values: [] })}
          >
            添加问题
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
