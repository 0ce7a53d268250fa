import { useEffect, useState, type ReactNode } from 'react';
import { Navigate } from 'react-router-dom';
import { Spin } from 'antd';
import { fetchSetupStatus } from '../api';

/**
 * Shows the setup page instead of its children (the login page) while the install is unclaimed:
 * on a clean install there is no account to sign in with yet.
 */
export function SetupGate({ children }: { children: ReactNode }) {
  const [needed, setNeeded] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    // If the status cannot be read, fall through to the login page rather than block it.
    fetchSetupStatus().then(
      (s) => live && setNeeded(s.needed),
      () => live && setNeeded(false),
    );
    return () => {
      live = false;
    };
  }, []);
  if (needed === null) return <Spin style={{ display: 'block', marginTop: 120 }} />;
  if (needed) return <Navigate to="/setup" replace />;
  return <>{children}</>;
}
