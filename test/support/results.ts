import type { TestApp } from './test-app.js';

/** Waits for the campaign's results computation (started at close or by the office) to finish. */
export async function resultsComputed(api: TestApp, campaignId: string, token: string): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    const state = (await api.request('GET', `/api/campaigns/${campaignId}/results/computation`, { token })).body;
    if (state.status === 'done') return;
    if (state.status === 'failed') throw new Error(`computing the results failed: ${state.error}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('computing the results did not finish in 2 minutes');
}

/** A closed campaign to published: its results computed at close, the awards confirmed, then publish. */
export async function confirmAndPublish(api: TestApp, campaignId: string, token: string) {
  await resultsComputed(api, campaignId, token);
  const confirmed = await api.request('POST', `/api/campaigns/${campaignId}/awards/confirm`, { token });
  if (confirmed.status !== 200) throw new Error(`confirming the awards failed: ${confirmed.status} ${confirmed.text}`);
  return api.request('POST', `/api/campaigns/${campaignId}/publish`, { token });
}
