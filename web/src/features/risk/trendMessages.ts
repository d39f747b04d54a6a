/** The texts of the risk-over-time screen (merged into i18n/messages.ts). */
export const trendMessages = {
  'trend.heading': { zh: '风险趋势', en: 'Risk over time' },
} as const satisfies Record<string, { zh: string; en: string }>;
