import { computed, ref, watch, type ComputedRef, type Ref } from 'vue'
import { en, zh, type MessageKey } from './messages'
import { hydrateAll } from '../ssr/lazy-hydration'

export type Locale = 'en' | 'zh'
export const LOCALES: { value: Locale; label: string; htmlLang: string }[] = [
  { value: 'en', label: 'English', htmlLang: 'en' },
  { value: 'zh', label: '简体中文', htmlLang: 'zh-CN' },
]

const dictionaries: Record<Locale, Record<MessageKey, string>> = { en, zh }

/** A language tag's UI locale, or null when Parley has no interface in that language. */
export function localeFor(lang: string | null | undefined): Locale | null {
  if (!lang) return null
  if (/^zh\b/i.test(lang)) return 'zh'
  return /^en\b/i.test(lang) ? 'en' : null
}

/** The reader's UI locale from the browser's preferred languages: the first Parley speaks, else English. */
export function localeFromLanguages(languages: readonly string[]): Locale {
  for (const lang of languages) {
    const locale = localeFor(lang)
    if (locale) return locale
  }
  return 'en'
}

export function htmlLangOf(locale: Locale): string {
  return LOCALES.find((l) => l.value === locale)?.htmlLang ?? 'en'
}

export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = dictionaries[locale][key]
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

// One app-wide state: the reader's browser languages choose the UI language unless the reader
// picked one in the switch; the article's language never does (its content carries its own lang).
const STORAGE_KEY = 'parley-ui-lang'
// Both start empty, not read from the browser: a prerendered page was rendered without them (in
// English), and hydration needs the same first render. main.ts calls applyReaderLocale() (before
// mount for the 404 shell, right after hydration for prerendered pages).
const browser = ref<Locale>('en')
const chosen = ref<Locale | null>(null)
// The reader's explicit choice outlives a reload; guarded for Node (tests, build).
watch(chosen, (value) => {
  try {
    if (value) globalThis.localStorage?.setItem(STORAGE_KEY, value)
    else globalThis.localStorage?.removeItem(STORAGE_KEY)
  } catch {
    // Storage may be disabled (private mode); the choice then lasts for this page only.
  }
})

function readChoice(): Locale | null {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY)
    return saved === 'en' || saved === 'zh' ? saved : null
  } catch {
    return null
  }
}
const locale = computed<Locale>(() => chosen.value ?? browser.value)

/**
 * Apply the reader's languages: the browser's preferred ones, then the stored choice over them.
 * At once, unless parts of the page still wait for hydration (then once they have hydrated).
 */
export function applyReaderLocale(languages: readonly string[] = globalThis.navigator?.languages ?? []): Promise<void> | void {
  const saved = readChoice()
  const next = localeFromLanguages(languages)
  const apply = (): void => {
    browser.value = next
    chosen.value = saved
  }
  // Parts still waiting for hydration must adopt their markup in the language it was written in.
  const waiting = (saved ?? next) !== locale.value ? hydrateAll() : null
  return waiting ? waiting.then(apply) : apply()
}

export interface I18n {
  locale: ComputedRef<Locale>
  chosen: Ref<Locale | null>
  t: (key: MessageKey, params?: Record<string, string | number>) => string
  /** `turns`/`turnsOne`-style plural pairs. */
  tn: (key: 'turns', n: number) => string
}

export function useI18n(): I18n {
  return {
    locale,
    chosen,
    t: (key, params) => translate(locale.value, key, params),
    tn: (key, n) => (n === 1 ? translate(locale.value, `${key}One`) : translate(locale.value, key, { n })),
  }
}
