import { useEffect, useState } from 'react';
import { Navigate, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Result, Space, Spin, Steps, Typography } from 'antd';
import { ApiError, errorMessage } from '../../../shared/api';
import { completeSetup, fetchSetupStatus, type Division, type SetupResult } from '../api';
import { AdminForm, type AdminValues } from '../components/AdminForm';
import { DistrictPicker } from '../components/DistrictPicker';
import { StreetPicker } from '../components/StreetPicker';

const STEPS = ['初始化码', '选择区县', '选择街道', '创建管理员', '完成'];
/** Which step a server error belongs to, by the field it names. */
const STEP_OF_FIELD: [RegExp, number][] = [
  [/^setupCode/, 0],
  [/^districtCode/, 1],
  [/^streetCodes/, 2],
  [/^admin/, 3],
];

/**
 * Clean install: whoever started the server (and so can read the code on its console) picks the
 * district from the national list, ticks its streets and creates the first administrator.
 */
export function SetupPage() {
  const navigate = useNavigate();
  const [needed, setNeeded] = useState<boolean | null>(null);
  const [step, setStep] = useState(0);
  const [code, setCode] = useState('');
  const [district, setDistrict] = useState<Division | null>(null);
  const [streets, setStreets] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [done, setDone] = useState<SetupResult | null>(null);
  const [adminForm] = Form.useForm<AdminValues>();

  useEffect(() => {
    fetchSetupStatus().then(
      (s) => setNeeded(s.needed),
      () => setNeeded(true),
    );
  }, []);
  if (needed === null) return <Spin style={{ display: 'block', marginTop: 120 }} />;
  if (!needed && !done) return <Navigate to="/login" replace />;

  async function submit() {
    const admin = await adminForm.validateFields().catch(() => null);
    if (!admin) return;
    setSubmitting(true);
    setError(null);
    try {
      setDone(
        await completeSetup({
          setupCode: code,
          districtCode: district!.code,
          streetCodes: streets,
          admin: {
            username: admin.username,
            displayName: admin.displayName,
            phone: admin.phone,
            password: admin.password,
          },
        }),
      );
      setStep(4);
    } catch (err) {
      // Send the person back to the step whose input the server refused, with the reason.
      const field = err instanceof ApiError ? (err.details[0]?.path ?? '') : '';
      const back = STEP_OF_FIELD.find(([re]) => re.test(field))?.[1];
      if (err instanceof ApiError && err.code === 'SETUP_DONE') setNeeded(false);
      if (back === 3)
        adminForm.setFields(
          err instanceof ApiError
            ? err.details
                .filter((d) => d.path.startsWith('admin.'))
                .map((d) => ({ name: d.path.slice(6) as keyof AdminValues, errors: [d.message] }))
            : [],
        );
      else if (back !== undefined) setStep(back);
      setError(
        err instanceof ApiError && err.details[0] && back !== 3
          ? `${err.message}：${err.details[0].message}`
          : errorMessage(err),
      );
    } finally {
      setSubmitting(false);
    }
  }

  const canNext = [code.trim().length >= 8, district !== null, streets.length > 0][step] ?? true;
  return (
    <div style={pageStyle}>
      <Card style={{ width: 720, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          蜂巢 · 系统初始化
        </Typography.Title>
        <Steps current={step} items={STEPS.map((title) => ({ title }))} size="small" style={{ marginBottom: 24 }} />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        {step === 0 && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph>
              这是一套全新安装。请输入服务器启动时在控制台打印的初始化码（形如
              ABCD-2345），只有能查看服务器控制台的人才能完成初始化。
            </Typography.Paragraph>
            <Input
              size="large"
              placeholder="XXXX-XXXX"
              value={code}
              onChange={(e) => setCode(e.target.value.toUpperCase())}
              aria-label="初始化码"
              autoFocus
              onPressEnter={() => canNext && setStep(1)}
            />
          </Space>
        )}
        {step === 1 && (
          <DistrictPicker
            value={district}
            onChange={(d) => {
              if (d.code !== district?.code) setStreets([]);
              setDistrict(d);
            }}
          />
        )}
        {step === 2 && district && <StreetPicker districtCode={district.code} value={streets} onChange={setStreets} />}
        {step === 3 && (
          <>
            <Typography.Paragraph>
              创建{district?.name}的第一个区级管理员账号，之后由其在系统中添加街道、社区管理员和网格员。
            </Typography.Paragraph>
            <AdminForm form={adminForm} />
          </>
        )}
        {step === 4 && done && (
          <Result
            status="success"
            title="初始化完成"
            subTitle={`已建立${done.district.name}（${done.district.code}）及 ${done.streets.length} 个街道（乡镇），管理员账号 ${done.admin.username}。社区、网格与边界可在登录后导入或添加。`}
            extra={
              <Button type="primary" onClick={() => navigate('/login', { replace: true })}>
                去登录
              </Button>
            }
          />
        )}
        {step < 4 && (
          <Space style={{ marginTop: 24, display: 'flex', justifyContent: 'flex-end' }}>
            {step > 0 && (
              <Button
                onClick={() => {
                  setError(null);
                  setStep(step - 1);
                }}
              >
                上一步
              </Button>
            )}
            {step < 3 && (
              <Button
                type="primary"
                disabled={!canNext}
                onClick={() => {
                  setError(null);
                  setStep(step + 1);
                }}
              >
                下一步
              </Button>
            )}
            {step === 3 && (
              <Button type="primary" loading={submitting} onClick={() => void submit()}>
                完成初始化
              </Button>
            )}
          </Space>
        )}
      </Card>
    </div>
  );
}

const pageStyle = {
  minHeight: '100vh',
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  padding: 16,
  background: 'linear-gradient(180deg, #fff1f0 0%, #f5f5f5 60%)',
} as const;
