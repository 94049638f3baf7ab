export { MemoryMongo } from './server.js';
export type { MemoryMongoOptions, RunningMemoryMongo } from './server.js';
