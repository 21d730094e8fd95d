// Builds the app once before the e2e tests: they run against the production bundle.
import { buildAll } from '../../scripts/build.mjs';

export default async function setup(): Promise<void> {
  await buildAll({ quiet: true });
}
