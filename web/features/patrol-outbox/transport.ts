import { apiSend } from '../../shared/api';
import { PHOTO_UPLOAD_URL, reportCase } from '../cases/api';
import type { OutboxTransport } from './sync';

/** The queue's way to the server: the same photo and report endpoints the online form uses. */
export const httpTransport: OutboxTransport = {
  async uploadPhoto(blob, name) {
    const form = new FormData();
    form.append('file', blob, name);
    return (await apiSend<{ data: { id: number } }>('POST', PHOTO_UPLOAD_URL, form)).data.id;
  },
  report: (body) => reportCase(body),
};
