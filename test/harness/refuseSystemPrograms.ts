/** Jest setup (setupFilesAfterEnv): see onlyNodeChildren.ts. */
import { refuseSystemPrograms, restoreChildProcess } from './onlyNodeChildren';

refuseSystemPrograms();
afterAll(restoreChildProcess);
