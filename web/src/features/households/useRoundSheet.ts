import { useCallback, useEffect, useState } from 'react';
import { RecordHouseholdTestDocument, TestingRoundSheetDocument } from '../../gql/graphql';
import { useQuery, useRun } from '../../graphql/useGraphQL';
import type { Record } from './HouseholdRow';
import { householdRows, type Standing } from './sheet';

/** Households listed at most (the server allows 500 a page): a building's or grid's fit, a large community's not. */
export const PAGE = 500;
/** Two recorders at one building see each other's work within this (until the gateway serves subscriptions). */
export const POLL_MS = 20_000;

/**
 * A round's sheet for the part listed (unitId; null: the round's unit), read again every 20 s, and recording a
 * household: the answer (what stands) shows at once, then the round is read again for its progress.
 */
export function useRoundSheet(roundId: string, unitId: string | null, ready: boolean) {
  const run = useRun();
  const query = useQuery(TestingRoundSheetDocument, ready ? { id: roundId, unitId, first: PAGE } : null, { pollMs: POLL_MS });
  const [recorded, setRecorded] = useState<{ [householdId: string]: Standing }>({});
  // a new answer has every recording made before it was asked for
  useEffect(() => setRecorded({}), [query.answer]);
  const round = query.answer?.data?.round ?? null;
  const lists = query.answer?.data?.households ?? null;
  const rows = lists ? householdRows(lists, round?.progress.byBuilding ?? [], query.answer!.errors, recorded) : [];
  const { reload } = query;
  const record: Record = useCallback(
    async (row, status, testedCount, reason) => {
      try {
        const answer = await run(RecordHouseholdTestDocument, { roundId, householdId: row.id, status, testedCount, reason });
        const stood = answer.data?.recordHouseholdTest;
        if (!stood) return { refused: answer.errors[0] ?? { message: 'recordHouseholdTest: no answer' } };
        const { testedCount: n, accounted, recordedBy } = stood;
        setRecorded((r) => ({ ...r, [row.id]: { status: stood.status, testedCount: n, reason: stood.reason, accounted, recordedBy } }));
        reload();
        return { stands: stood.status };
      } catch (e) {
        return { refused: { message: e instanceof Error ? e.message : String(e) } };
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [run, roundId],
  );
  return { ...query, round, lists, rows, record };
}
