import type { GraphQLError } from './client';

/** The error located at exactly this path, or below it (a refused list element is reported under its list). */
export function errorAt(errors: GraphQLError[], path: (string | number)[]): GraphQLError | undefined {
  return errors.find(
    (e) => e.path !== undefined && e.path.length >= path.length && path.every((p, i) => e.path![i] === p),
  );
}
