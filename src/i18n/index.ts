import { computed, ref, shallowReactive, watch, type ComputedRef, type Ref } from 'vue'
import { en, type MessageKey } from './messages'
import { hydrateAll } from '../ssr/lazy-hydration'

export type Locale = 'en' | 'zh'
export const LOCALES: { value: Locale; label: string; htmlLang: string }[] = [
  { value: 'en', label: 'English', htmlLang: 'en' },
  { value: 'zh', label: '简体中文', htmlLang: 'zh-CN' },
]

type Messages = Record<MessageKey, string>
// English is in the entry for the page's frame; the parts' strings and those of the features for
// opened files arrive with their code (see addMessages). Another language's strings (2.9 kB gzip for Chinese) load only for a reader who gets that language,
// before it applies.
const dictionaries = shallowReactive<Partial<Record<Locale, Messages>>>({ en: { ...en } as Messages })
const loaders: Record<Exclude<Locale, 'en'>, () => Promise<Messages>> = {
  zh: () => import('./messages-zh').then((m) => m.zh),
}

/**
 * Add strings that only lazily loaded features use (src/i18n/local-strings.ts): their modules add
 * them when they load, before they render. In place: the components already shown need no update.
 */
export function addMessages(locale: Locale, messages: Partial<Messages>): void {
  Object.assign(dictionaries[locale] ?? {}, messages)
}

/** Load a UI language's strings; null when they are already here. */
export function loadMessages(locale: Locale): Promise<void> | null {
  if (locale === 'en' || dictionaries[locale]) return null
  return loaders[locale]().then((messages) => {
    dictionaries[locale] = messages
  })
}

/** A message in every UI language whose strings are here (what a link may have been written in). */
export function wordsInEveryLanguage(key: MessageKey): string[] {
  return Object.values(dictionaries).map((messages) => messages[key])
}

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
  const template = (dictionaries[locale] ?? dictionaries.en!)[key]
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
const wanted = computed<Locale>(() => chosen.value ?? browser.value)
// A language picked in the switch applies once its strings are here (the page stays as it is meanwhile).
watch(wanted, (next) => void loadMessages(next))
const locale = computed<Locale>(() => (dictionaries[wanted.value] ? wanted.value : 'en'))

/**
 * Apply the reader's languages: the browser's preferred ones, then the stored choice over them.
 * Once that language's strings are here and the parts still waiting for hydration have hydrated.
 */
export async function applyReaderLocale(languages: readonly string[] = globalThis.navigator?.languages ?? []): Promise<void> {
  const saved = readChoice()
  const next = localeFromLanguages(languages)
  await loadMessages(saved ?? next)
  // Parts still waiting for hydration must adopt their markup in the language it was written in.
  if ((saved ?? next) !== locale.value) await hydrateAll()
  browser.value = next
  chosen.value = saved
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
