import type { GraphQLError } from './client';

/** The error located at exactly this path, or below it (a refused list element is reported under its list). */
export function errorAt(errors: GraphQLError[], path: (string | number)[]): GraphQLError | undefined {
  return errors.find(
    (e) => e.path !== undefined && e.path.length >= path.length && path.every((p, i) => e.path![i] === p),
  );
}

/** Errors without a path, or at none of the paths a screen shows in place: shown once at the top of the screen. */
export function unlocated(errors: GraphQLError[], shown: (string | number)[][]): GraphQLError[] {
  return errors.filter((e) => !e.path || !shown.some((p) => p.every((seg, i) => e.path![i] === seg)));
}

export function codeOf(error: GraphQLError | undefined): string | undefined {
  return error?.extensions?.code;
}
