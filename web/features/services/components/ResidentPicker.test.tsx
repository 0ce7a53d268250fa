import { describe, expect, it } from 'vitest';
import { residentLabel } from './ResidentPicker';

describe('resident picker', () => {
  it('labels a resident with the masked numbers the server sent, skipping a missing phone', () => {
    const r = {
      id: 1,
      name: '张秀兰',
      gender: '女',
      idNumberMasked: '320508********102X',
      phoneMasked: null,
      address: '3幢201室',
    };
    expect(residentLabel(r)).toBe('张秀兰　320508********102X　3幢201室');
    expect(residentLabel({ ...r, phoneMasked: '139****1234' })).toContain('139****1234');
  });
});
