/** The texts of the risk-over-time screen (merged into i18n/messages.ts). */
export const trendMessages = {
  'trend.heading': { zh: '风险趋势', en: 'Risk over time' },
  'trend.intro': {
    zh: '各区每天生效的高风险区和低风险区数量（按当日生效的通告计）。',
    en: 'High- and low-risk areas in force per district, day by day (by the notices in force that day).',
  },
  'trend.from': { zh: '开始日期', en: 'From' },
  'trend.to': { zh: '结束日期', en: 'To' },
  'trend.district': { zh: '区', en: 'District' },
  'trend.allDistricts': { zh: '全市', en: 'Whole city' },
  'trend.invalidWindow': {
    zh: '开始日期不能晚于结束日期，且时段最长92天。',
    en: 'The start may not be after the end, and the period is at most 92 days.',
  },
  'trend.none': { zh: '该时段内没有风险区。', en: 'No designated areas in this period.' },
  'trend.high': { zh: '高风险区', en: 'High-risk areas' },
  'trend.low': { zh: '低风险区', en: 'Low-risk areas' },
  'trend.date': { zh: '日期', en: 'Date' },
  'trend.chartTitle': {
    zh: '{district}：{from}至{to}的高风险区和低风险区数量',
    en: '{district}: high- and low-risk areas from {from} to {to}',
  },
  'trend.table': { zh: '{district}数据表', en: 'Data table of {district}' },
  'trend.tableCaption': { zh: '{district}每日风险区数量', en: 'Designated areas per day in {district}' },
} as const satisfies Record<string, { zh: string; en: string }>;
