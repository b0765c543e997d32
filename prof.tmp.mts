import { initKernels } from './src/model';
import { createSession, stepSession, evaluateSession } from './src/worker/trainSession';
import { defaultSettings } from './src/worker/trainSettings';
await initKernels({ prefer: (process.env.ATLAS_KERNELS as 'js') ?? 'wasm-simd' });
const s = createSession(defaultSettings('reverse'));
const c0 = process.cpuUsage().user;
for (let i = 0; i < 300; i++) { stepSession(s); if (i % 25 === 0) evaluateSession(s); }
console.log('cpu s', (process.cpuUsage().user - c0) / 1e6);
