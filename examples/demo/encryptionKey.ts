/**
 * n8n-core's InstanceSettings logs "No encryption key found - Auto-generating and saving to: …" when
 * neither N8N_ENCRYPTION_KEY nor a settings file holds a key. The demo's n8n folder is thrown away
 * after the run, so a throw-away key keeps that line out of the demo's output. Import it first.
 */
import process from '../../test/nodejs/process.cjs';

import { randomBytes } from 'node:crypto';

process.env.N8N_ENCRYPTION_KEY ??= randomBytes(24).toString('base64');
