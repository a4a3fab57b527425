import { computed, ref, watch, type ComputedRef, type Ref } from 'vue'
import { en, zh, type MessageKey } from './messages'
import { hydrateNow } from '../ssr/lazy-hydration'

export type Locale = 'en' | 'zh'
export const LOCALES: { value: Locale; label: string; htmlLang: string }[] = [
  { value: 'en', label: 'English', htmlLang: 'en' },
  { value: 'zh', label: '简体中文', htmlLang: 'zh-CN' },
]

const dictionaries: Record<Locale, Record<MessageKey, string>> = { en, zh }

/** Chinese articles (`zh`, `zh-cn`, `zh-Hans`…) get the Chinese UI; everything else English. */
export function localeFor(lang: string | null | undefined): Locale {
  return lang && /^zh\b/i.test(lang) ? 'zh' : 'en'
}

export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = dictionaries[locale][key]
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

// One app-wide state: the content language chooses the UI language unless the reader picked one.
const STORAGE_KEY = 'parley-ui-lang'
const contentLocale = ref<Locale>('en')
// Starts empty, not read from storage: a prerendered page was rendered without it, and hydration
// needs the same first render. main.ts calls restoreLocaleChoice() (before mount for the 404 shell,
// right after hydration for prerendered pages).
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
/** Apply the reader's stored UI language choice (kept across visits). */
export function restoreLocaleChoice(): void {
  const saved = readChoice()
  // Parts still waiting for hydration must adopt their markup in the language it was written in.
  if (saved !== chosen.value) hydrateNow()
  chosen.value = saved
}
const locale = computed<Locale>(() => chosen.value ?? contentLocale.value)

export interface I18n {
  locale: ComputedRef<Locale>
  chosen: Ref<Locale | null>
  t: (key: MessageKey, params?: Record<string, string | number>) => string
  /** `turns`/`turnsOne`-style plural pairs. */
  tn: (key: 'turns' | 'hiddenTurns', n: number) => string
  setContentLocale: (lang: string | null | undefined) => void
}

export function useI18n(): I18n {
  return {
    locale,
    chosen,
    t: (key, params) => translate(locale.value, key, params),
    tn: (key, n) => (n === 1 ? translate(locale.value, `${key}One`) : translate(locale.value, key, { n })),
    setContentLocale: (lang) => {
      const next = localeFor(lang)
      if (next !== contentLocale.value) hydrateNow()
      contentLocale.value = next
    },
  }
}
