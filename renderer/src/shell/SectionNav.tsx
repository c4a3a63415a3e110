import { useUi, type Section } from '../state/ui-store.ts';

const SECTIONS: { id: Section; label: string }[] = [
  { id: 'queues', label: 'Queues' },
  { id: 'reports', label: 'Reports' },
];

/** The top bar's switch between the queues and the Reports screen (also g q / g r). */
export function SectionNav() {
  const section = useUi((s) => s.section);
  const setSection = useUi((s) => s.setSection);
  return (
    <nav className="section-nav" aria-label="Sections">
      {SECTIONS.map((s) => (
        <button key={s.id} type="button" aria-current={section === s.id ? 'page' : undefined} onClick={() => setSection(s.id)}>
          {s.label}
        </button>
      ))}
    </nav>
  );
}
