/** The texts of this screen (merged into i18n/messages.ts). */
export const selfServiceMessages = {
  'me.heading': { zh: '我的值守', en: 'My duty' },
} as const satisfies Record<string, { zh: string; en: string }>;
