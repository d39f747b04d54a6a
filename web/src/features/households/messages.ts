/** The texts of this screen (merged into i18n/messages.ts). */
export const householdMessages = {
  'households.heading': { zh: '入户核酸', en: 'Households and testing rounds' },
} as const satisfies Record<string, { zh: string; en: string }>;
