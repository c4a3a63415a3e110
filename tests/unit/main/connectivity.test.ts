import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { watchConnectivity } from '../../../electron/main/connectivity.ts';

function machine(startOnline: boolean) {
  const state = { online: startOnline, syncs: 0, tick: () => {}, polling: true };
  const powerMonitor = new EventEmitter();
  const stop = watchConnectivity({
    powerMonitor,
    isOnline: () => state.online,
    onReturn: () => void state.syncs++,
    every: (check) => {
      state.tick = check;
      return () => void (state.polling = false);
    },
  });
  return { state, powerMonitor, stop };
}

describe('connectivity triggers in the main process', () => {
  it('syncs when the network comes back, once per return, not while it stays up or down', () => {
    const { state } = machine(true);
    state.tick();
    state.online = false;
    state.tick();
    state.tick();
    expect(state.syncs).toBe(0);
    state.online = true;
    state.tick();
    state.tick();
    expect(state.syncs).toBe(1);
  });

  it('syncs when the machine wakes from sleep, and stops listening when stopped', () => {
    const { state, powerMonitor, stop } = machine(true);
    powerMonitor.emit('resume');
    expect(state.syncs).toBe(1);
    stop();
    powerMonitor.emit('resume');
    expect(state.syncs).toBe(1);
    expect(state.polling).toBe(false);
    expect(powerMonitor.listenerCount('resume')).toBe(0);
  });
});
