import { beforeEach, describe, expect, it, vi } from 'vitest';
import { checkForUpdatesWhenPackaged } from '../../../electron/main/auto-update.ts';

const updater = vi.hoisted(() => ({ checks: 0, fail: false }));

vi.mock('electron-updater', () => ({
  default: {
    autoUpdater: {
      checkForUpdatesAndNotify: async () => {
        updater.checks++;
        if (updater.fail) throw new Error('feed unreachable');
        return null;
      },
    },
  },
}));

describe('auto update', () => {
  beforeEach(() => {
    updater.checks = 0;
    updater.fail = false;
  });

  it('does not check in development', async () => {
    await checkForUpdatesWhenPackaged(false, () => {});
    expect(updater.checks).toBe(0);
  });

  it('checks the feed once in a packaged app', async () => {
    await checkForUpdatesWhenPackaged(true, () => {});
    expect(updater.checks).toBe(1);
  });

  it('logs a failed check instead of breaking start-up', async () => {
    updater.fail = true;
    const logs: string[] = [];
    await expect(checkForUpdatesWhenPackaged(true, (m) => logs.push(m))).resolves.toBeUndefined();
    expect(logs[0]).toContain('feed unreachable');
  });
});
