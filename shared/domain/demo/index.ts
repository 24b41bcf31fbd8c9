export {
  DEMO_DEDUPE_PREFIX,
  DEMO_PREFIX,
  generateDemoDataset,
  weekdaysBack,
  withoutDemoPrefix,
  type DemoBar,
  type DemoDataset,
  type DemoEvent,
  type DemoSecurity,
  type DemoTransaction,
} from './generate';
