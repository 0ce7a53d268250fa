import type { ReactNode } from 'react';

/** A framed panel of the big screen; `testId` lets the browser test find its figures. */
export function Panel({
  title,
  children,
  testId,
  className,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
  className?: string;
}) {
  return (
    <section className={`bs-panel ${className ?? ''}`} data-testid={testId} aria-label={title}>
      <h2>{title}</h2>
      <div className="bs-panel-body">{children}</div>
    </section>
  );
}

export function Figure({
  label,
  value,
  unit,
  testId,
}: {
  label: string;
  value: number | null | undefined;
  unit?: string;
  testId?: string;
}) {
  return (
    <div className="bs-figure" data-testid={testId}>
      <span className="bs-figure-value">
        {value == null ? '—' : value.toLocaleString('zh-CN')}
        {value != null && unit ? <small>{unit}</small> : null}
      </span>
      <span className="bs-figure-label">{label}</span>
    </div>
  );
}
