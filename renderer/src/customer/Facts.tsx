import type { ReactNode } from 'react';

/** A compact label/value list; empty values are left out rather than shown as blanks. */
export function Facts({ items }: { items: Array<[label: string, value: ReactNode]> }) {
  const present = items.filter(([, value]) => value !== null && value !== undefined && value !== '');
  if (present.length === 0) return null;
  return (
    <dl className="facts">
      {present.map(([label, value]) => (
        <div key={label} className="fact">
          <dt>{label}</dt>
          <dd title={typeof value === 'string' ? value : undefined}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
