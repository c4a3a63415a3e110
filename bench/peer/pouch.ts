import PouchDB from 'pouchdb-core';
import http from 'pouchdb-adapter-http';
import memory from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';

/** PouchDB from its pure-JS parts: HTTP, in-memory storage (the LevelDB adapter needs a native build), replication. */
export const Pouch = PouchDB.plugin(memory).plugin(http).plugin(replication);

/**
 * Databases kept in memory. That spares PouchDB every disk write Orbit's replica makes, so a
 * ratio against it is, if anything, kind to PouchDB.
 */
export const MemoryPouch = Pouch.defaults({ adapter: 'memory' });
