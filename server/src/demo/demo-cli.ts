import { withApp } from '../app-context.js';
import { ConfigError } from '../config/app-config.js';
import { DemoService } from './demo.service.js';

/** `npm run demo`: loads the demo city and its campaign into the configured database, on purpose. */
withApp(async (app, database) => {
  const summary = await app.get(DemoService).seed({ waitForResults: true });
  console.log(
    `Demo data in ${database === 'embedded' ? 'the embedded database' : 'DATABASE_URL'}: ` +
      `${summary.departments} departments, ${summary.districts} districts, ${summary.enterprises} enterprises, ` +
      `campaign ${summary.campaignId} open with ${summary.invitations} links.`,
  );
}).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
