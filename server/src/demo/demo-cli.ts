import 'reflect-metadata';
import { createApp } from '../app.js';
import { createLogger } from '../common/logger.js';
import { ConfigError, loadConfig } from '../config/app-config.js';
import { openDatabase, runMigrations } from '../database/database.js';
import { DemoService } from './demo.service.js';

/** `npm run demo`: loads the demo city and its campaign into the configured database, on purpose. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config, () => undefined);
  try {
    await runMigrations(database.url);
    const app = await createApp(config, database, createLogger('warn'));
    await app.init();
    const summary = await app.get(DemoService).seed();
    await app.close();
    console.log(
      `Demo data in ${database.kind === 'embedded' ? 'the embedded database' : 'DATABASE_URL'}: ` +
        `${summary.departments} departments, ${summary.districts} districts, ${summary.enterprises} enterprises, ` +
        `campaign ${summary.campaignId} open with ${summary.invitations} links.`,
    );
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
