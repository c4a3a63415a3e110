import { useRef, type ReactNode } from 'react';
import { Group, Panel, Separator, useDefaultLayout, type PanelImperativeHandle } from 'react-resizable-panels';
import { useCommands } from '../commands/use-commands.ts';

export const PANE_IDS = { queue: 'pane-queue', ticket: 'pane-ticket', customer: 'pane-customer' } as const;

/**
 * The three resizable panes: navigation + queue | conversation | customer. Sizes are remembered
 * (localStorage); the customer pane collapses (drag it shut, or the command) and comes back.
 */
export function Panes({ queue, ticket, customer }: { queue: ReactNode; ticket: ReactNode; customer: ReactNode }) {
  const layout = useDefaultLayout({ id: 'orbit-panes', storage: localStorage });
  const customerPanel = useRef<PanelImperativeHandle | null>(null);

  useCommands([
    {
      id: 'shell.toggleCustomerPane',
      title: 'Show or hide the customer pane',
      section: 'View',
      keywords: ['collapse', 'expand', 'sidebar', 'layout'],
      run: () => {
        const panel = customerPanel.current;
        if (!panel) return;
        if (panel.isCollapsed()) panel.expand();
        else panel.collapse();
      },
    },
  ]);

  return (
    <Group id="orbit-panes" className="panes" defaultLayout={layout.defaultLayout} onLayoutChanged={layout.onLayoutChanged}>
      <Panel id={PANE_IDS.queue} defaultSize="27" minSize="240px" maxSize="50" className="pane">
        {queue}
      </Panel>
      <Separator className="pane-separator" aria-label="Resize the queue and the conversation" />
      <Panel id={PANE_IDS.ticket} defaultSize="51" minSize="320px" className="pane">
        {ticket}
      </Panel>
      <Separator className="pane-separator" aria-label="Resize the conversation and the customer pane" />
      <Panel id={PANE_IDS.customer} defaultSize="22" minSize="220px" maxSize="40" collapsible collapsedSize="0" panelRef={customerPanel} className="pane">
        {customer}
      </Panel>
    </Group>
  );
}
