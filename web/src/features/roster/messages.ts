/** The texts of this screen (merged into i18n/messages.ts). */
export const rosterMessages = {
  'roster.heading': { zh: '排班', en: 'Roster board' },
} as const satisfies Record<string, { zh: string; en: string }>;
