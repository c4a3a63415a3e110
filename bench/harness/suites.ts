import { engineSuite } from '../engine/engine-suite.ts';
import { initialSyncSuite } from '../sync/initial-sync-suite.ts';
import { syncSuite } from '../sync/sync-suite.ts';
import { serverSuite } from '../server/server-suite.ts';
import { peerSuite } from '../peer/peer-suite.ts';
import { rendererSuite } from '../renderer/renderer-suite.ts';
import type { Suite } from './suite.ts';

/** Every suite, in the order a full run takes them. */
export const SUITES: readonly Suite[] = [initialSyncSuite, peerSuite, engineSuite, syncSuite, serverSuite, rendererSuite];
