import { Injectable } from '@nestjs/common';

type ClosedListener = (campaignId: string) => void;

/**
 * Tells other features that a campaign has closed (the results are computed then), without
 * the campaigns feature depending on them.
 */
@Injectable()
export class CampaignEvents {
  private readonly closed: ClosedListener[] = [];

  onClosed(listener: ClosedListener): void {
    this.closed.push(listener);
  }

  emitClosed(campaignId: string): void {
    for (const listener of this.closed) listener(campaignId);
  }
}
