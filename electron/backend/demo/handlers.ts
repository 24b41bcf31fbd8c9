import { generateDemoDataset } from '@shared/domain/demo';
import type { FeatureMethods, Handlers } from '../handler';
import { demoStatus, loadDemo, removeDemo } from './store';

export const demoHandlers = {
  'demo.status': (_input, { db }) => demoStatus(db),
  'demo.load': (_input, { db, today }) => loadDemo(db, generateDemoDataset(today())),
  'demo.remove': (_input, { db }) => removeDemo(db),
} satisfies Handlers<FeatureMethods<'demo'>>;
