import { NoticeAuditTrailDocument, RosterAuditTrailDocument } from '../../gql/graphql';
import type { GraphQLError } from '../../graphql/client';
import { errorAt } from '../../graphql/errors';
import { useQuery } from '../../graphql/useGraphQL';
import type { AuditEventView } from './AuditEventCard';
import type { auditVariables } from './auditFilter';

export type TrailKind = 'roster' | 'notice';

export interface TrailPage {
  loading: boolean;
  failure: string | null;
  reload(): void;
  /** The refusal or rule error at the trail's field (FORBIDDEN, UNAUTHENTICATED, INVALID_DATE_RANGE, ...). */
  refused?: GraphQLError;
  events: AuditEventView[];
  pageInfo?: { hasNextPage: boolean; endCursor?: string | null } | null;
}

/** One page of either trail (volunteer-service's roster trail or notice-service's), in one shape. */
export function useTrail(kind: TrailKind, vars: ReturnType<typeof auditVariables>, after: string | null): TrailPage {
  const roster = useQuery(RosterAuditTrailDocument, kind === 'roster' ? { ...vars, after } : null);
  const notice = useQuery(NoticeAuditTrailDocument, kind === 'notice' ? { ...vars, after } : null);
  const state = kind === 'roster' ? roster : notice;
  const field = kind === 'roster' ? 'rosterAuditTrail' : 'noticeAuditTrail';
  const connection = kind === 'roster' ? roster.answer?.data?.rosterAuditTrail : notice.answer?.data?.noticeAuditTrail;
  return {
    loading: state.loading,
    failure: state.failure,
    reload: state.reload,
    refused: state.answer ? errorAt(state.answer.errors, [field]) : undefined,
    events: connection?.edges.map((e) => e.node) ?? [],
    pageInfo: connection?.pageInfo,
  };
}
