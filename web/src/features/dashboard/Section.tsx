import type { ReactNode } from 'react';
import type { GraphQLError } from '../../graphql/client';
import { FieldMessage } from '../../ui/FieldMessage';

/** One part of the dashboard: its heading, and in its place either the refusal of its data or the data. */
export function Section({ id, title, error, children }: { id: string; title: string; error?: GraphQLError; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="dash-section" data-testid={id}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {error ? <FieldMessage error={error} /> : children}
    </section>
  );
}
