/** The texts of this screen (merged into i18n/messages.ts). */
export const dashboardMessages = {
  'dashboard.heading': { zh: '社区工作台', en: 'Community dashboard' },
} as const satisfies Record<string, { zh: string; en: string }>;
