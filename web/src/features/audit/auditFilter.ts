/** The filter form as typed: dates are calendar days in the city (YYYY-MM-DD), empty means "any". */
export interface AuditFilterForm {
  actor: string;
  targetType: string;
  from: string;
  to: string;
}

export const NO_FILTER: AuditFilterForm = { actor: '', targetType: '', from: '', to: '' };

/** The offset of the city's zone (i18n/time CITY_ZONE, Asia/Shanghai): +08:00, no daylight saving since 1991. */
const CITY_OFFSET = '+08:00';

/** The next calendar day (YYYY-MM-DD). */
function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * The trail's arguments for a filter: blanks left out, "from" the start of that day in the city, "to" the end of
 * that day (the API's to is exclusive: the next day's start), so both days are included whatever the browser's zone.
 */
export function auditVariables(form: AuditFilterForm): {
  actor: string | null; targetType: string | null; from: string | null; to: string | null;
} {
  const text = (s: string) => (s.trim() === '' ? null : s.trim());
  return {
    actor: text(form.actor),
    targetType: text(form.targetType),
    from: form.from ? `${form.from}T00:00:00${CITY_OFFSET}` : null,
    to: form.to ? `${nextDay(form.to)}T00:00:00${CITY_OFFSET}` : null,
  };
}

/** An event's details (a JSON object as text) as label/value pairs; anything else as one line. */
export function detailsOf(details: string): [string, string][] {
  try {
    const parsed: unknown = JSON.parse(details);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return Object.entries(parsed as Record<string, unknown>).map(([k, v]) => [
        k,
        typeof v === 'string' ? v : JSON.stringify(v),
      ]);
    }
  } catch {
    // not JSON: shown as it is
  }
  return details.trim() === '' || details.trim() === '{}' ? [] : [['', details]];
}
