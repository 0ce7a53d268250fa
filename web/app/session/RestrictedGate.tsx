import type { ReactNode } from 'react';
import { ForcedPasswordPage, ForcedTotpPage, UnknownRestrictionPage } from '../../features/accounts/pages/RestrictedPage';
import type { Me } from './types';

/**
 * While the account is restricted (Me.restriction) the shell shows only the page that finishes
 * the pending step; the server refuses everything else anyway (403 ACCOUNT_RESTRICTED).
 * 'pending_verification' (self-registered residents awaiting real-name verification) is the
 * resident-registration feature's to fill in: replace `pendingVerification` below.
 */
const pendingVerification: ReactNode = <UnknownRestrictionPage />;

export function restrictedPage(restriction: NonNullable<Me['restriction']>): ReactNode {
  switch (restriction) {
    case 'password_change': return <ForcedPasswordPage />;
    case 'totp_enrolment': return <ForcedTotpPage />;
    case 'pending_verification': return pendingVerification;
    default: return <UnknownRestrictionPage />;
  }
}
