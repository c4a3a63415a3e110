import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { connectDesk } from './desk/connect-desk.ts';
import { DeskProvider } from './desk/desk-context.tsx';
import { createQueryClient } from './data/query-client.ts';
import { installTheme } from './shell/theme.ts';
import './styles/theme.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/queue.css';
import './styles/ticket.css';
import './styles/customer.css';
import './styles/reports.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
installTheme();

createRoot(root).render(
  <StrictMode>
    <DeskProvider desk={connectDesk()}>
      <QueryClientProvider client={createQueryClient()}>
        <App />
      </QueryClientProvider>
    </DeskProvider>
  </StrictMode>,
);
