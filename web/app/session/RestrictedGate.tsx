import type { ReactNode } from 'react';
import {
  ForcedPasswordPage,
  ForcedTotpPage,
  UnknownRestrictionPage,
} from '../../features/accounts/pages/RestrictedPage';
import type { Me } from './types';
import { PendingVerificationPage } from '../../features/signup/pages/PendingVerificationPage';

/**
 * While the account is restricted (Me.restriction) the shell shows only the page that finishes
 * the pending step; the server refuses everything else anyway (403 ACCOUNT_RESTRICTED).
 * 'pending_verification': a self-registered resident waits for real-name verification.
 */
const pendingVerification: ReactNode = <PendingVerificationPage />;

export function restrictedPage(restriction: NonNullable<Me['restriction']>): ReactNode {
  switch (restriction) {
    case 'password_change':
      return <ForcedPasswordPage />;
    case 'totp_enrolment':
      return <ForcedTotpPage />;
    case 'pending_verification':
      return pendingVerification;
    default:
      return <UnknownRestrictionPage />;
  }
}
