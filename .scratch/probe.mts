import request from 'supertest';
import { createApp } from '../server/app.ts';
import { weeklyApp } from '../test/support/weekly.ts';
const app = weeklyApp();
const r = await request(createApp(app)).get(process.argv[2] ?? '/digest/2025-W07');
const i = r.text.indexOf(process.argv[3] ?? '<figure');
console.log(r.status, r.text.slice(Math.max(0, i - 20), i + 400));
