import type { Locale } from '../i18n'

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/**
 * Front-matter dates are written as ISO strings; show the calendar date in the UI language, as
 * `Intl.DateTimeFormat(en | zh-CN, { dateStyle: 'long', timeZone: 'UTC' })` does (tests/components/pure.test.ts
 * checks they agree). Written out instead of calling Intl: the first DateTimeFormat of a page loads
 * ICU locale data, ~40 ms inside the hydration task on a laptop (~170 ms with a phone's CPU).
 */
export function formatDate(iso: string, locale: Locale): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  // The date as written (its own offset), not shifted into the reader's time zone.
  const ymd = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  const shown = ymd ? new Date(Date.UTC(Number(ymd[1]), Number(ymd[2]) - 1, Number(ymd[3]))) : date
  const year = shown.getUTCFullYear()
  const month = shown.getUTCMonth()
  const day = shown.getUTCDate()
  if (year < 1000 || year > 9999) {
    return new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'long', timeZone: 'UTC' }).format(shown)
  }
  return locale === 'zh' ? `${year}年${month + 1}月${day}日` : `${MONTHS[month]} ${day}, ${year}`
}
