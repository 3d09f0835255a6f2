import type { Answers, Reply, Saved } from './raterLink';

export type SaveState =
  | { phase: 'idle' }
  | { phase: 'saving' }
  | { phase: 'saved'; at: string }
  | { phase: 'failed'; reply: Reply<Saved> & { ok: false } };

interface DraftSaverOptions {
  send: (data: Answers, keepalive: boolean) => Promise<Reply<Saved>>;
  onState: (state: SaveState) => void;
  onSaved: (savedAt: string) => void;
  /** A refusal that saving again cannot cure: the campaign closed, the link was revoked, or the questionnaire was submitted elsewhere. */
  onRefused: (reply: Reply<Saved> & { ok: false }) => void;
}

/** How long typing must pause before the answers are saved. */
export const SAVE_DELAY_MS = 1500;

/**
 * Keeps the server's draft up to date: a save once typing pauses, at once on
 * `flush()`, one save at a time so that an older save never lands after a newer
 * one, and nothing when the answers did not change since the last save.
 */
export class DraftSaver {
  private timer: number | undefined;
  private latest: { data: Answers; json: string };
  private savedJson: string;
  private queue: Promise<void> = Promise.resolve();
  private paused = false;

  constructor(
    initial: Answers,
    private readonly options: DraftSaverOptions,
  ) {
    this.savedJson = JSON.stringify(initial);
    this.latest = { data: initial, json: this.savedJson };
  }

  /** The answers changed: save them once typing pauses. */
  change(data: Answers): void {
    this.latest = { data, json: JSON.stringify(data) };
    this.schedule();
  }

  /**
   * Saves what is not saved yet, now. With `keepalive` (the page is being hidden
   * or closed) the request goes out at once, outside the queue, and outlives the page.
   */
  flush(keepalive = false): Promise<void> {
    window.clearTimeout(this.timer);
    if (keepalive) return this.send(true);
    this.queue = this.queue.then(() => this.send(false));
    return this.queue;
  }

  /** Stops saving (while the answers are being submitted), once a save under way has ended. */
  async pause(): Promise<void> {
    window.clearTimeout(this.timer);
    this.paused = true;
    await this.queue;
  }

  resume(): void {
    this.paused = false;
  }

  private schedule(): void {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.flush(), SAVE_DELAY_MS);
  }

  private async send(keepalive: boolean): Promise<void> {
    const { data, json } = this.latest;
    if (this.paused || json === this.savedJson) return;
    this.options.onState({ phase: 'saving' });
    const reply = await this.options.send(data, keepalive);
    if (reply.ok) {
      this.savedJson = json;
      this.options.onSaved(reply.body.savedAt);
      this.options.onState({ phase: 'saved', at: reply.body.savedAt });
      // A page-hiding save and a queued one can cross; this puts the newest answers last.
      if (this.latest.json !== json) this.schedule();
    } else if (reply.status === 404 || reply.status === 409) {
      this.paused = true;
      this.options.onRefused(reply);
    } else {
      this.options.onState({ phase: 'failed', reply });
    }
  }
}
