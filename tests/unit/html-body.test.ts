import { describe, expect, it } from 'vitest'
import { htmlBlocksToMarkdown, isHtmlBody } from '../../src/core/html-body'
import { md } from '../../src/core/render'
import { conversation, parseOk } from './helpers'

const toMarkdown = (body: string): string => htmlBlocksToMarkdown(md.parse(body, {}), body)
const allHtml = (interview: ReturnType<typeof parseOk>): string => interview.sections.flatMap((s) => s.blocks.map((b) => b.html)).join('')

describe('a body written in HTML (a CMS export)', () => {
  it('is read as the Markdown it stands for: labels, emphasis, links and headings', () => {
    const body = '<div><p><strong>Ann:</strong> Why?</p><p><b>Bo:</b> See <a href="https://example.org/x">this</a>.</p><h2>Later</h2></div>'
    expect(toMarkdown(body)).toBe('\n**Ann**: Why?\n\n**Bo**: See [this](<https://example.org/x>).\n\n## Later\n')
  })

  it('escapes text, so characters in it never become Markdown', () => {
    expect(toMarkdown('<p>*not* [a](link) # x</p><p>1. not a list</p>')).toBe('\n\\*not\\* \\[a\\](link) # x\n\n1\\. not a list\n')
  })

  it('keeps punctuation outside the emphasis, where CommonMark closes it in CJK text', () => {
    expect(toMarkdown('<p><strong>皮凯蒂：</strong>我不确定。</p><p>x</p>')).toContain('**皮凯蒂**：我不确定。')
  })

  it('reads an element split by a blank line as one element', () => {
    const markdown = toMarkdown('<div><p>a</p><pre>code\n\nmore</pre>\n\n<p>b</p></div>')
    expect(markdown).toContain('```\ncode\n\nmore\n```')
    expect(markdown).toContain('\nb\n')
  })

  it('lets no script, handler or script URL through', () => {
    const source = [
      '---\ntitle: "x"\n---\n',
      '<div><p><b>Ann:</b> Why <img src=x onerror="alert(1)">?</p><p><b>Bo:</b> <a href="javascript:alert(1)">click</a></p>',
      '<script>alert(1)</script><p><b>Ann:</b> And?</p><p><b>Bo:</b> <svg onload="alert(1)"></svg>Done.</p></div>',
    ].join('\n')
    const interview = parseOk(source)
    expect(conversation(interview, 1).map(([name]) => name)).toEqual(['Ann', 'Bo', 'Ann', 'Bo'])
    const html = allHtml(interview)
    expect(html).not.toMatch(/<script|onerror|onload|javascript:/i)
  })

  it('leaves a Markdown article with a few HTML figures as it is', () => {
    const body = '**Ann:** Why?\n\n<figure><img src="a.png"></figure>\n\n**Bo:** Because of *this*, which is long enough to outweigh the figure by far.\n'
    expect(isHtmlBody(md.parse(body, {}), body)).toBe(false)
  })
})
