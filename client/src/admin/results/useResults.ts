import { useCallback, useEffect, useRef, useState } from 'react';
import { api, unwrap, unwrapDownload } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { components } from '../../api/schema';
import { isUnauthorized, useRedirectToLogin } from '../session';
import { useRemoteData, type RemoteData } from '../useRemoteData';

type Schemas = components['schemas'];

export type ResultsDto = Schemas['ResultsDto'];
export type EvaluationResultDto = Schemas['EvaluationResultDto'];
export type TargetResultDto = Schemas['TargetResultDto'];
export type CompositeResultDto = Schemas['CompositeResultDto'];
export type CategoryResultDto = Schemas['CategoryResultDto'];
export type ComputationDto = Schemas['ComputationDto'];
export type UnitType = CompositeResultDto['unitType'];
export type RatingKind = EvaluationResultDto['kind'];

/** The campaign's results, or null while they have never been computed. */
export async function fetchResults(campaignId: string): Promise<ResultsDto | null> {
  try {
    return await unwrap(api.GET('/api/campaigns/{id}/results', { params: { path: { id: campaignId } } }));
  } catch (error) {
    if (error instanceof ApiError && error.code === 'RESULTS_NOT_COMPUTED') return null;
    throw error;
  }
}

export function startComputation(campaignId: string): Promise<ComputationDto> {
  return unwrap(api.POST('/api/campaigns/{id}/results/compute', { params: { path: { id: campaignId } } }));
}

export function fetchComputation(campaignId: string): Promise<ComputationDto> {
  return unwrap(api.GET('/api/campaigns/{id}/results/computation', { params: { path: { id: campaignId } } }));
}

export function downloadResults(campaignId: string): Promise<void> {
  return unwrapDownload(api.GET('/api/campaigns/{id}/results.xlsx', { params: { path: { id: campaignId } }, parseAs: 'blob' }), 'results.xlsx');
}

export function downloadRatings(campaignId: string): Promise<void> {
  return unwrapDownload(api.GET('/api/campaigns/{id}/ratings.csv', { params: { path: { id: campaignId } }, parseAs: 'blob' }), 'ratings.csv');
}

export function useResults(campaignId: string): RemoteData<ResultsDto | null> {
  const load = useCallback(() => fetchResults(campaignId), [campaignId]);
  return useRemoteData(load);
}

/** The evaluations in the order the office reads them: enterprises on departments first. */
const KIND_ORDER: readonly RatingKind[] = ['enterprise-rates-departments', 'district-rates-departments', 'enterprise-rates-districts'];

export function orderedEvaluations(results: ResultsDto): EvaluationResultDto[] {
  const position = (kind: RatingKind) => {
    const index = KIND_ORDER.indexOf(kind);
    return index < 0 ? KIND_ORDER.length : index;
  };
  return [...results.evaluations].sort((a, b) => position(a.kind) - position(b.kind));
}

/** The share of an evaluation's invited raters whose ballots count. */
export function responseRate(evaluation: EvaluationResultDto): number | null {
  return evaluation.invited > 0 ? evaluation.ballots / evaluation.invited : null;
}

/** How often the progress of a running computation is asked for. */
const POLL_MS = 1_000;

export interface Computation {
  /** The latest state the server reported; undefined until it has answered once. */
  state: ComputationDto | undefined;
  running: boolean;
  /** Asks the server to compute; resolves once it has accepted. */
  start: () => Promise<void>;
}

/**
 * Follows the campaign's results computation: asks once on mount (a computation started at close
 * may be under way), and every second while one runs; `onFinished` runs when one ends, so the
 * caller loads the new results. `enabled` is false for users who may not see the computation.
 */
export function useComputation(campaignId: string, enabled: boolean, onFinished: (state: ComputationDto) => void): Computation {
  const redirectToLogin = useRedirectToLogin();
  const [state, setState] = useState<ComputationDto>();
  const [polling, setPolling] = useState(enabled);
  const finishedRef = useRef(onFinished);
  finishedRef.current = onFinished;
  // The first answer only says where things stand; a computation that ends after it has new results.
  const firstLookRef = useRef(true);

  useEffect(() => {
    if (!enabled || !polling) return;
    let current = true;
    let timer: number | undefined;
    const poll = async () => {
      try {
        const next = await fetchComputation(campaignId);
        if (!current) return;
        const first = firstLookRef.current;
        firstLookRef.current = false;
        setState(next);
        if (next.status === 'running') {
          timer = window.setTimeout(() => void poll(), POLL_MS);
          return;
        }
        setPolling(false);
        if (!first) finishedRef.current(next);
      } catch (error) {
        if (!current) return;
        if (isUnauthorized(error)) redirectToLogin();
        // A failed look is tried again; the computation goes on without us.
        else timer = window.setTimeout(() => void poll(), POLL_MS);
      }
    };
    void poll();
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [campaignId, enabled, polling, redirectToLogin]);

  const start = useCallback(async () => {
    const accepted = await startComputation(campaignId);
    firstLookRef.current = false;
    setState(accepted);
    setPolling(true);
  }, [campaignId]);

  return { state, running: state?.status === 'running', start };
}
