import type { FormRule } from 'antd';

/** The rules of a "type it again" field that must equal the password field `field`. */
export function confirmPasswordRules(field: string, prompt: string, mismatch: string): FormRule[] {
  return [
    { required: true, message: prompt },
    ({ getFieldValue }) => ({
      validator: (_, v) => (!v || v === getFieldValue(field) ? Promise.resolve() : Promise.reject(new Error(mismatch))),
    }),
  ];
}
