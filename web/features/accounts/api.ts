import { ApiError, apiGet, apiSend, readCookie } from '../../shared/api';
import type {
  Account,
  AccountPage,
  CreateAccountBody,
  Grantable,
  OrgChild,
  RosterResult,
  SecuritySettings,
  SessionInfo,
  TotpSetup,
  TotpStatus,
  UpdateAccountBody,
} from './types';

export function accountQuery(filters: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

export const fetchAccounts = (filters: Record<string, string | number | undefined | null>, signal?: AbortSignal) =>
  apiGet<AccountPage>(`/api/accounts${accountQuery(filters)}`, { signal });
export const fetchGrantable = (signal?: AbortSignal) =>
  apiGet<{ data: Grantable }>('/api/accounts/grantable', { signal }).then((r) => r.data);
export const createAccount = (body: CreateAccountBody) =>
  apiSend<{ data: Account; temporaryPassword: string | null }>('POST', '/api/accounts', body);
export const updateAccount = (id: number, body: UpdateAccountBody) =>
  apiSend<{ data: Account }>('PATCH', `/api/accounts/${id}`, body).then((r) => r.data);
export const setDisabled = (id: number, disabled: boolean) =>
  apiSend<{ data: Account }>('POST', `/api/accounts/${id}/${disabled ? 'disable' : 'enable'}`).then((r) => r.data);
export const resetPassword = (id: number) =>
  apiSend<{ data: Account; temporaryPassword: string }>('POST', `/api/accounts/${id}/reset-password`);
export const fetchChildren = (id: number) =>
  apiGet<{ data: OrgChild[] }>(`/api/org/nodes/${id}/children?pageSize=200`).then((r) => r.data);

export const changePassword = (currentPassword: string, newPassword: string) =>
  apiSend<void>('POST', '/api/me/password', { currentPassword, newPassword });
export const fetchSessions = (signal?: AbortSignal) =>
  apiGet<{ data: SessionInfo[] }>('/api/me/sessions', { signal }).then((r) => r.data);
export const revokeSession = (id: string) => apiSend<void>('DELETE', `/api/me/sessions/${id}`);
export const fetchTotpStatus = (signal?: AbortSignal) =>
  apiGet<{ data: TotpStatus }>('/api/me/totp', { signal }).then((r) => r.data);
export const setupTotp = () => apiSend<{ data: TotpSetup }>('POST', '/api/me/totp/setup').then((r) => r.data);
export const confirmTotp = (code: string) => apiSend<void>('POST', '/api/me/totp/confirm', { code });
export const disableTotp = (password: string, code: string) =>
  apiSend<void>('DELETE', '/api/me/totp', { password, code });
export const fetchSecurity = (signal?: AbortSignal) =>
  apiGet<{ data: SecuritySettings }>('/api/settings/security', { signal }).then((r) => r.data);
export const saveSecurity = (totpRequiredForAdmins: boolean) =>
  apiSend<{ data: SecuritySettings }>('PUT', '/api/settings/security', {
    totpRequiredForAdmins,
  }).then((r) => r.data);

function csrfHeader(): Record<string, string> {
  const token = readCookie(document.cookie, 'gh_csrf');
  return token ? { 'x-csrf-token': token } : {};
}

async function saveBlob(res: Response, filename: string): Promise<void> {
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
    throw new ApiError(res.status, body?.error?.code ?? `HTTP_${res.status}`, body?.error?.message ?? '下载失败');
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  // Revoked on the next tick: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export async function downloadTemplate(): Promise<void> {
  await saveBlob(await fetch('/api/accounts/roster-template', { credentials: 'same-origin' }), '花名册模板.xlsx');
}

/** The one-time passwords go to the server only to be laid out as a sheet; it keeps nothing. */
export async function downloadPasswords(rows: RosterResult['passwords']): Promise<void> {
  const res = await fetch('/api/accounts/roster/passwords.xlsx', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', ...csrfHeader() },
    body: JSON.stringify({ rows }),
  });
  await saveBlob(res, '一次性密码.xlsx');
}

/** Multipart upload with progress (fetch reports none for request bodies). */
export function uploadRoster(file: File, onProgress: (percent: number) => void): Promise<RosterResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/accounts/roster');
    for (const [k, v] of Object.entries(csrfHeader())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', '网络连接失败，请检查网络后重试'));
    xhr.onload = () => {
      const body = (() => {
        try {
          return JSON.parse(xhr.responseText) as {
            data?: RosterResult;
            error?: { code: string; message: string; details?: { path: string; message: string }[] };
          };
        } catch {
          return null;
        }
      })();
      if (xhr.status === 200 && body?.data) resolve(body.data);
      else
        reject(
          new ApiError(
            xhr.status,
            body?.error?.code ?? `HTTP_${xhr.status}`,
            body?.error?.message ?? '上传失败',
            body?.error?.details ?? [],
          ),
        );
    };
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}
