/** The texts of this screen (merged into i18n/messages.ts). */
export const auditMessages = {
  'audit.heading': { zh: '操作记录', en: 'Audit trail' },
} as const satisfies Record<string, { zh: string; en: string }>;
