import { useId } from 'react';

export interface ChoiceOption {
  value: string;
  label: string;
}

/**
 * A labelled select of the Reports screen; `none` is the first option (empty value, reported as
 * null): "Any", "All teams", "Nothing". Without `none` a value is always chosen.
 */
export function Choice({ label, value, options, none, disabled, className = 'builder-field', onChange }: { label: string; value: string | null | undefined; options: readonly ChoiceOption[]; none?: string; disabled?: boolean; className?: string; onChange(value: string | null): void }) {
  const id = useId();
  return (
    <span className={className}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} disabled={disabled} onChange={(e) => onChange(e.target.value || null)}>
        {none !== undefined && <option value="">{none}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </span>
  );
}
