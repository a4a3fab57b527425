import { describe, expect, it } from 'vitest'
import { anchorQuote, fuzzyFind, makeQuote, textFragment } from '../../src/core/quote'

const TEXT = 'SIG Cloud Provider 的成立是确保 Kubernetes 为所有基础设施提供商提供一个中立的接入点。 迄今为止，我们最大的任务是将 in-tree 云控制器提取并迁移到 out-of-tree 组件。'

function quoteOf(text: string, passage: string) {
  const start = text.indexOf(passage)
  return makeQuote(text, start, start + passage.length)
}

describe('quote anchoring', () => {
  it('finds the exact passage again', () => {
    const q = quoteOf(TEXT, '中立的接入点')
    const found = anchorQuote(TEXT, q)
    expect(found?.how).toBe('exact')
    expect(TEXT.slice(found!.start, found!.end)).toBe('中立的接入点')
  })

  it('tells repeated passages apart by their context', () => {
    const text = 'the answer is yes. Later: the answer is no.'
    const second = text.lastIndexOf('the answer')
    const q = makeQuote(text, second, second + 'the answer'.length)
    expect(anchorQuote(text, q)).toEqual({ start: second, end: second + 10, how: 'exact' })
  })

  it('finds a passage that moved (text added before it)', () => {
    const q = quoteOf(TEXT, '中立的接入点')
    const moved = `新增的一句话。${TEXT}`
    const found = anchorQuote(moved, q)!
    expect(moved.slice(found.start, found.end)).toBe('中立的接入点')
    expect(found.how).toBe('exact')
  })

  it('falls back to a fuzzy match when the passage was edited', () => {
    const text = 'I think the two most important subprojects today are the framework and the extraction project.'
    const q = quoteOf(text, 'two most important subprojects today')
    const edited = text.replace('two most important subprojects today', 'two most important sub-projects now')
    const found = anchorQuote(edited, q)!
    expect(found.how).toBe('fuzzy')
    expect(edited.slice(found.start, found.end)).toMatch(/^two most important sub-projects/)
  })

  it('reports a passage that is gone', () => {
    const q = quoteOf(TEXT, '中立的接入点')
    expect(anchorQuote('完全不同的一段话，没有任何相同的内容。', q)).toBeNull()
    expect(anchorQuote(TEXT, { exact: '', prefix: '', suffix: '' })).toBeNull()
  })

  it('keeps context short and never splits an emoji', () => {
    const text = `${'x'.repeat(40)}😀${'y'.repeat(31)}PASSAGE${'z'.repeat(31)}😀`
    const q = quoteOf(text, 'PASSAGE')
    expect(q.prefix).toBe('y'.repeat(31))
    expect(q.suffix).toBe('z'.repeat(31))
  })

  it('fuzzyFind returns the span with fewest edits within the limit', () => {
    expect(fuzzyFind('abcdefgh', 'cdxf', 1)).toEqual({ start: 2, end: 6, errors: 1 })
    expect(fuzzyFind('abcdefgh', 'wxyz', 1)).toBeNull()
  })
})

describe('text fragments', () => {
  it('encodes reserved characters and trims context to whole words', () => {
    const text = 'Cloud providers can use the framework maintained by the SIG, or follow the API guidelines.'
    const q = quoteOf(text, 'framework maintained by the SIG')
    expect(textFragment(q)).toBe(':~:text=providers%20can%20use%20the-,framework%20maintained%20by%20the%20SIG,-%2C%20or%20follow%20the%20API')
    expect(textFragment({ exact: 'out-of-tree', prefix: '', suffix: '' })).toBe(':~:text=out%2Dof%2Dtree')
  })

  it('leaves out context for unspaced scripts and shortens long quotes', () => {
    expect(textFragment(quoteOf(TEXT, '中立的接入点'))).toBe(`:~:text=${encodeURIComponent('中立的接入点')}`)
    const long = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen'
    expect(textFragment({ exact: long, prefix: '', suffix: '' })).toBe(':~:text=one%20two%20three%20four,twelve%20thirteen%20fourteen%20fifteen')
  })
})
